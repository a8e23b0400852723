"""End-to-end check of the client against a running dashboard: logs a run, completes it, logs predictions.

    RALL_URL=http://127.0.0.1:3000 RALL_API_KEY=... python3 -I -S clients/python/smoke_test.py \
        --version 7.7.7 --query-id <id> [--query-id <id> ...]

Prints one JSON line: {"runId": ..., "predictionIds": [...]}. Run by e2e/api-python-client.spec.ts under
`python3 -I -S` (isolated, no site packages) to prove the client needs nothing but the standard library.
"""

import argparse
import datetime as dt
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import rall_client as rall  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", required=True, help="the model version to register")
    parser.add_argument("--query-id", action="append", required=True, help="an existing query id (repeatable)")
    args = parser.parse_args()

    started = dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=2)
    run_id = rall.log_run(
        model_type="classifier",
        model_version=args.version,
        started_at=started,
        training_samples=4_200,
        hyperparameters={"learning_rate": 0.001, "optimizer": "adam"},
        notes="Logged by the Python client smoke test.",
        tags=["python-client"],
    )
    # Every headline metric, as a real training job reports them (the compare page draws each).
    rall.complete_run(run_id, started + dt.timedelta(hours=1), accuracy=0.875, precision=0.868, recall=0.855, f1_score=0.861)
    predictions = [
        {"query_id": query_id, "prediction": "reason", "prediction_type": "classification", "confidence": 0.8, "actual_value": "reason" if i % 2 == 0 else "search"}
        for i, query_id in enumerate(args.query_id)
    ]
    prediction_ids = rall.log_predictions(run_id, predictions)
    print(json.dumps({"runId": run_id, "predictionIds": prediction_ids}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
