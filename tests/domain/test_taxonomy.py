import pytest

from truce.domain import TARGET_CODES, covers, is_target, protected_codes, unsettled_codes


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
    assert "infrastructure.energy.oil" not in protected
    assert "infrastructure.energy.oil.refining" not in protected
    assert "civilian.healthcare" not in protected
    # "energy" could be oil, which is carved out: the lists do not settle it.
    assert "infrastructure.energy" not in protected
    assert "infrastructure.energy" in unsettled_codes(
        ["infrastructure"], ["infrastructure.energy.oil"]
    )


def test_a_list_of_kinds_settles_its_kinds_and_not_their_parents() -> None:
    """The Kremlin's 25 March list: refineries, pipelines, storage, power; no production."""
    kinds = [
        "infrastructure.energy.oil.refining",
        "infrastructure.energy.oil.pipeline",
        "infrastructure.energy.gas.pipeline",
        "infrastructure.energy.grid",
    ]
    protected, unsettled = protected_codes(kinds, []), unsettled_codes(kinds, [])
    assert "infrastructure.energy.oil.refining" in protected
    assert "infrastructure.energy.oil.production" not in protected | unsettled
    assert "infrastructure.energy.gas.production" not in protected | unsettled
    assert {"infrastructure", "infrastructure.energy", "infrastructure.energy.oil"} <= unsettled
    assert "civilian" not in protected | unsettled


def test_existing_codes_keep_their_meaning() -> None:
    """Codes stored before the oil and gas kinds were added still parse and still cover
    the new kinds."""
    for code in ("infrastructure.energy.oil", "infrastructure.energy.gas"):
        assert is_target(code)
        assert covers(code, code + ".production") and covers(code, code + ".pipeline")
    assert protected_codes(["infrastructure.energy.oil"], []) >= {
        "infrastructure.energy.oil",
        "infrastructure.energy.oil.production",
        "infrastructure.energy.oil.refining",
    }
