"""The one YAML loader for what users write by hand: terms files, accounts' front matter.

PyYAML's `safe_load` is safe from code execution, not from the file itself:

- aliases let a few hundred bytes expand to billions of list items (a "billion laughs"
  bomb hangs any reader that walks the result), so aliases are refused outright;
- a repeated key silently keeps the last value, so duplicate keys are refused;
- YAML 1.1 reads `yes`, `no`, `on`, `NO` (Norway), `1_000` and `2025-03-18` as booleans,
  numbers and dates, so every scalar stays the string it was written as (only an empty
  value or `~`/`null` is None), and each field's reader parses it with its own message;
- nesting is bounded (`MAX_NESTING`) before PyYAML's recursive composer runs out of stack.

Mappings remember the line of each key, so errors can name the line of the field.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError

from truce.domain.limits import MAX_NESTING
from truce.errors import BadInput


class Lines(dict[Any, Any]):
    """A mapping that remembers the line of each key (1-based) and its own line."""

    lines: dict[Any, int]
    line: int


class _Loader(yaml.SafeLoader):
    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise ComposerError(
                None,
                None,
                "aliases (*name) are not accepted: write the value out",
                event.start_mark,
            )
        self.depth += 1
        try:
            if self.depth > MAX_NESTING:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise ComposerError(
                    None,
                    None,
                    f"nested deeper than the limit of {MAX_NESTING} levels",
                    event.start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_lines(self, node: yaml.MappingNode, deep: bool = False) -> Lines:
        self.flatten_mapping(node)  # merge keys (<<) need aliases, which are refused
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise ConstructorError(None, None, "a key must be text", key_node.start_mark)
            if key in seen:
                raise ConstructorError(
                    None,
                    None,
                    f"duplicate key '{key}' (first on line {seen[key]})",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line + 1
        mapping = Lines(super().construct_mapping(node, deep=deep))
        mapping.lines = seen
        mapping.line = node.start_mark.line + 1
        return mapping


# Every implicit type but null: scalars stay strings.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Loader.construct_lines)


def load_yaml(text: str, *, file: str, first_line: int = 1) -> Any:
    """A YAML document under the rules above; `BadInput` naming the file and line
    (counted from `first_line`, for YAML that starts inside a larger file)."""
    try:
        return yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        raise BadInput(f"not valid YAML: {exc.problem}", file=file, line=line) from None
    except yaml.YAMLError as exc:
        raise BadInput(f"not valid YAML: {exc}", file=file) from None
    except RecursionError:
        raise BadInput(
            f"not valid YAML: nested deeper than the limit of {MAX_NESTING} levels", file=file
        ) from None
