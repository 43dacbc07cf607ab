"""No input makes the API fail: schemathesis generates valid and invalid requests for every operation
in the OpenAPI schema and sends them to the live server; none may get a 5xx, and every 4xx is a JSON
``{"error": "..."}`` with no stack trace in it.
"""

from __future__ import annotations

from collections import Counter

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

EXAMPLES = 20  # per operation and mode: about 700 requests, well under a minute


def test_generated_requests_never_get_a_server_error(server):
    schema = schemathesis.openapi.from_url(f"{server}/openapi.json")
    statuses: Counter[int] = Counter()
    problems: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10

    for operation in operations:
        for mode in GenerationMode:

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                      phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
            def send(case):
                response = case.call(base_url=server, timeout=60)
                statuses[response.status_code] += 1
                where = f"{case.method} {case.formatted_path} {case.query or ''}"
                if response.status_code >= 500:
                    problems.append(f"{response.status_code} for {where}: {response.text[:200]}")
                elif response.status_code >= 400:
                    body = response.json()  # every error is JSON
                    if not isinstance(body.get("error"), str) or not body["error"]:
                        problems.append(f"{response.status_code} without an error message for {where}")
                if "Traceback" in response.text or 'File "/' in response.text:
                    problems.append(f"stack trace in the response to {where}")

            try:
                send()
            except Unsatisfiable:
                assert mode is GenerationMode.NEGATIVE  # e.g. /livez: no parameter to get wrong

    total = sum(statuses.values())
    print(f"schemathesis: {len(operations)} operations, {total} requests, statuses {dict(sorted(statuses.items()))}")
    assert not problems, "\n".join(problems[:20])
    assert total >= len(operations) * 2
    assert not any(status >= 500 for status in statuses)
