"""The whole ML loop against a running dashboard, as docs/ml-integration-guide.md walks through it.

    RALL_URL=http://localhost:3000 RALL_API_KEY=rall_... python3 -I -S docs/examples/ml_loop.py --stamp 1

Records consent and a session of six queries with feedback, logs a feature vector per query, exports them as
JSON lines, registers and completes a classifier run, logs its predictions and their ground truth, registers a
second version, runs an A/B test between the two, records outcomes for both variants and reads the analysis.
Prints one JSON summary. Standard library and clients/python/rall_client.py only; every version, name and id
is derived from --stamp, so run it again with another stamp.
"""

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import sys
import urllib.parse
import urllib.request
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "clients", "python"))

import rall_client as rall  # noqa: E402

# The six queries of the session: their text (hashed by the server, never stored), the label a user's feedback
# gives them, and the class the models should predict.
QUERIES = [
    ("how do I rotate my signing keys", "thumbs_up", "reason"),
    ("latest release notes for the cli", "thumbs_up", "search"),
    ("why does the cache miss after deploy", "thumbs_down", "reason"),
    ("find the rate limit docs", "thumbs_up", "search"),
    ("compare two retry strategies", "thumbs_up", "reason"),
    ("search issues mentioning timeouts", "thumbs_down", "search"),
]


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def embed(text: str, dim: int = 384) -> list:
    """A stand-in for your embedding model: a deterministic unit vector from the text's SHA-256."""
    seed = hashlib.sha256(text.encode("utf-8")).digest()
    raw = [((seed[i % 32] + 31 * i) % 255) / 127.0 - 1.0 for i in range(dim)]
    norm = math.sqrt(sum(x * x for x in raw))
    return [round(x / norm, 6) for x in raw]


def export_rows(client: rall.RallClient, **filters: str) -> list:
    """GET the training-data export as JSON lines, one dict per row."""
    url = f"{client.url}/api/v1/export/training-data?{urllib.parse.urlencode({'format': 'jsonl', **filters})}"
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {client.api_key}"})
    with urllib.request.urlopen(request, timeout=client.timeout) as response:
        return [json.loads(line) for line in response.read().decode("utf-8").splitlines() if line]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stamp", required=True, help="makes versions and names unique, e.g. a timestamp")
    parser.add_argument("--test-name", help="the A/B test's name (default: classifier A vs B)")
    parser.add_argument("--snapshot-id", help="a training-data snapshot saved on /features for the run to cite")
    args = parser.parse_args()
    client = rall.RallClient()  # RALL_URL and RALL_API_KEY
    started = now() - dt.timedelta(minutes=10)

    # 1. Consent, then a session with its queries, then feedback (the labels).
    subject_id = hashlib.sha256(f"user-{args.stamp}".encode()).hexdigest()  # hash your user id: never send it raw
    client.request("POST", "/api/v1/consent", {"items": [{
        "subjectId": subject_id, "timestamp": rall.iso_timestamp(started), "consentVersion": "2026-11",
        "localTelemetry": True, "aggregatedSharing": False, "communityContribution": False,
    }]})
    session_id = str(uuid.uuid4())
    query_ids = [str(uuid.uuid4()) for _ in QUERIES]
    client.request("POST", "/api/v1/sessions", {
        "session": {"id": session_id, "subjectId": subject_id, "startedAt": rall.iso_timestamp(started), "profile": "balanced"},
        "queries": [
            {"id": qid, "timestamp": rall.iso_timestamp(started + dt.timedelta(seconds=i)), "text": text, "queryType": kind, "latencyMs": 800 + 40 * i}
            for i, (qid, (text, _, kind)) in enumerate(zip(query_ids, QUERIES))
        ],
    })
    client.request("POST", "/api/v1/feedback", {"items": [
        {"sessionId": session_id, "queryId": qid, "timestamp": rall.iso_timestamp(started + dt.timedelta(seconds=30 + i)), "feedbackType": feedback}
        for i, (qid, (_, feedback, _)) in enumerate(zip(query_ids, QUERIES))
    ]})

    # 2. A feature vector per query: the embedding and the named features, under one feature version.
    feature_version = f"guide-{args.stamp}"
    client.log_feature_vectors([
        {"query_id": qid, "embedding": embed(text), "embedding_model": "minilm-l6-v2", "feature_version": feature_version,
         "features": {"query_length": len(text), "token_count": len(text.split()), "query_type": kind}}
        for qid, (text, _, kind) in zip(query_ids, QUERIES)
    ])

    # 3. Export the labelled training data of that feature version.
    rows = export_rows(client, days="1", featureVersion=feature_version, labelled="true")
    positives = sum(1 for row in rows if row["positive_label"] == 1)

    # 4. Register the run that trained on it, then complete it with its final metrics.
    version_a = f"90.{args.stamp}.0"
    run_a = client.log_run(
        model_type="classifier", model_version=version_a, started_at=started, training_samples=len(rows),
        feature_set_version=feature_version, training_data_snapshot_id=args.snapshot_id,
        hyperparameters={"learning_rate": 0.001, "epochs": 3, "optimizer": "adam"}, tags=["ml-guide", "baseline"],
    )
    client.complete_run(run_a, completed_at=now(), accuracy=0.5, f1_score=0.48, validation_loss=0.69)

    # 5. Log the run's predictions, then record the ground truth: the server decides which were right.
    prediction_ids = client.log_predictions(run_a, [
        {"query_id": qid, "prediction": "reason", "prediction_type": "classification", "confidence": 0.7}
        for qid in query_ids
    ])
    truth = client.log_ground_truth([
        {"prediction_id": pid, "actual_value": kind} for pid, (_, _, kind) in zip(prediction_ids, QUERIES)
    ])

    # 6. An A/B test between version A and a retrained version B.
    version_b = f"90.{args.stamp}.1"
    run_b = client.log_run(
        model_type="classifier", model_version=version_b, started_at=now(), training_samples=len(rows),
        feature_set_version=feature_version, hyperparameters={"learning_rate": 0.0005, "epochs": 5, "optimizer": "adamw"}, tags=["ml-guide"],
    )
    client.complete_run(run_b, completed_at=now(), accuracy=0.83)
    test_id = client.request("POST", "/api/v1/ab-tests", {
        "name": args.test_name or f"classifier {version_a} vs {version_b}",
        "variantARunId": run_a, "variantBRunId": run_b, "trafficSplit": 50,
        "notes": "B routes search-like queries to search.",
    })["id"]

    # 7. Outcomes as they are served and labelled: A always says "reason", B misses only the last query.
    outcomes = []
    for i, (qid, (_, _, kind)) in enumerate(zip(query_ids, QUERIES)):
        outcomes.append({"variant": "A", "query_id": qid, "prediction": "reason", "actual_value": kind})
        outcomes.append({"variant": "B", "query_id": qid, "prediction": kind if i < 5 else "reason", "actual_value": kind})
    counts = client.record_ab_outcomes(test_id, outcomes)

    # 8. Read the analysis; the winner is declared on the test's page by a signed-in editor.
    result = client.ab_test(test_id)
    fixed, sequential = result["analysis"]["fixed"], result["analysis"]["sequential"]

    print(json.dumps({
        "sessionId": session_id, "queryIds": query_ids, "featureVersion": feature_version,
        "exportedRows": len(rows), "positiveLabels": positives,
        "runA": {"id": run_a, "version": version_a}, "runB": {"id": run_b, "version": version_b},
        "predictionIds": prediction_ids, "groundTruth": truth,
        "abTest": {
            "id": test_id, "counts": counts, "pValue": fixed["pValue"], "sequentialPValue": sequential["pValue"],
            "probabilityBBeatsA": fixed["probabilityBBeatsA"], "srmMismatch": fixed["srm"]["mismatch"],
            "requiredPerVariant": result["analysis"]["power"]["requiredPerVariant"],
            "guardrails": [g["kind"] for g in result["analysis"]["guardrails"]],
        },
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
