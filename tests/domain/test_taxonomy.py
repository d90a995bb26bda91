import pytest

from truce.domain import TARGET_CODES, covers, is_target, protected_codes


@pytest.mark.parametrize(
    ("parent", "code", "expected"),
    [
        ("infrastructure", "infrastructure.energy.grid", True),
        ("infrastructure.energy", "infrastructure.energy", True),
        ("infrastructure.energy", "infrastructure", False),
        ("infrastructure.energy", "infrastructure.transport", False),
        ("civilian", "civilian.healthcare", True),
        ("military", "military.industry", True),
        ("maritime", "military", False),
        # A shared prefix is not a parent.
        ("civilian.agri", "civilian.agriculture", False),
    ],
)
def test_covers(parent: str, code: str, expected: bool) -> None:
    assert covers(parent, code) is expected


def test_every_code_has_its_parent_in_the_taxonomy() -> None:
    for code in TARGET_CODES:
        if "." in code:
            assert is_target(code.rsplit(".", 1)[0]), code


def test_protected_codes_applies_excludes() -> None:
    protected = protected_codes(["infrastructure"], ["infrastructure.energy.oil"])
    assert "infrastructure.energy.grid" in protected
    assert "infrastructure.energy" in protected
    assert "infrastructure.energy.oil" not in protected
    assert "civilian.healthcare" not in protected
