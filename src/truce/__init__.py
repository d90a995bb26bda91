"""truce: ceasefire monitoring and verification.

Data flows one way: sources → statements/reports → incidents/terms → rulings → views.
Each stage is a subpackage with a small public surface; the CLI only parses arguments.
"""

__version__ = "0.1.0"
