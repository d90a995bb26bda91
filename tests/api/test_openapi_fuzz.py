"""schemathesis against the served OpenAPI document: whatever it sends, valid or not,
as an admin who may call everything, the API answers without a server error and, where
the document describes the answer, as described."""

from __future__ import annotations

from itertools import product
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance

from truce.api import PREFIX, Role

from .conftest import Api

EXAMPLES = 20  # per operation and mode (valid and invalid data)


def test_no_server_errors(api: Api) -> None:
    schema = schemathesis.openapi.from_url(f"{api.base}{PREFIX}/openapi.json")
    headers = {"Authorization": f"Bearer {api.tokens[Role.ADMIN]}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15

    for operation, mode in product(operations, GenerationMode):

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def check(case: Any) -> None:
            case.call_and_validate(
                base_url=api.base,
                headers=headers,
                checks=[not_a_server_error, response_schema_conformance],
            )

        try:
            check()
        except Unsatisfiable:
            if mode is GenerationMode.POSITIVE:
                raise  # only an operation without inputs has nothing invalid to send
