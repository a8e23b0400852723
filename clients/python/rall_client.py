"""Write training runs, predictions, ground truth, feature vectors and A/B outcomes into the RALL Dashboard.

Standard library only (urllib): copy this one file next to your training or serving code, or put
clients/python/ on PYTHONPATH. Configure with arguments or the environment:

    RALL_URL       the dashboard's base URL, e.g. https://rall.example.com (default http://localhost:3000)
    RALL_API_KEY   an API key with the write scope, sent as "Authorization: Bearer <key>"

    import rall_client as rall
    run_id = rall.log_run(model_type="classifier", model_version="2.4.0", started_at=start,
                          training_samples=12000, accuracy=0.913, tags=["baseline"])
    rall.log_predictions(run_id, [{"query_id": q, "prediction": "reason", "prediction_type": "classification",
                                   "confidence": 0.82}])

Every write sends an Idempotency-Key; a connection error or a 5xx answer is retried with the same key, so a
retried batch is written once. A refused request raises RallError, whose `items` list names each bad item by its
index in what you passed, with its field errors. Batches larger than the server's 10,000-item limit are split.
See README.md next to this file.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import time
import urllib.error
import urllib.request
import uuid
from typing import Any, Dict, List, Optional, Sequence

__all__ = [
    "RallClient",
    "RallError",
    "log_run",
    "complete_run",
    "log_predictions",
    "log_ground_truth",
    "log_feature_vectors",
    "record_ab_outcomes",
]

MAX_BATCH_ITEMS = 10_000
DEFAULT_URL = "http://localhost:3000"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class RallError(Exception):
    """The dashboard refused a request (or could not be reached after the retries).

    status: the HTTP status (None when the server was unreachable); message: the server's explanation;
    field_errors: {field: [message]} for a single object; items: [{"index": i, "fieldErrors": {...}}] for a
    batch, with indexes into the sequence you passed; item_error_count: how many items were bad in all.
    """

    def __init__(self, status: Optional[int], message: str, body: Optional[Dict[str, Any]] = None):
        super().__init__(f"{status}: {message}" if status is not None else message)
        self.status = status
        self.message = message
        self.body = body or {}
        self.field_errors: Dict[str, List[str]] = self.body.get("fieldErrors") or {}
        self.items: List[Dict[str, Any]] = self.body.get("items") or []
        self.item_error_count: int = int(self.body.get("itemErrorCount") or len(self.items))


def camel_case(name: str) -> str:
    """query_id -> queryId; names already in camelCase are kept."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def iso_timestamp(value: Any) -> Any:
    """A datetime as the API's timestamp, 'YYYY-MM-DDTHH:MM:SS.SSSZ' in UTC (naive datetimes are taken as UTC)."""
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(_dt.timezone.utc).replace(tzinfo=None)
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"
    return value


def to_api(fields: Dict[str, Any]) -> Dict[str, Any]:
    """Top-level keys to camelCase, datetimes to timestamps, None left out."""
    return {camel_case(key): iso_timestamp(value) for key, value in fields.items() if value is not None}


class RallClient:
    """A connection to one dashboard. The module-level functions use a client built from the environment."""

    def __init__(
        self,
        url: Optional[str] = None,
        api_key: Optional[str] = None,
        timeout: float = 120.0,
        retries: int = 4,
        backoff: float = 0.5,
    ):
        self.url = (url or os.environ.get("RALL_URL") or DEFAULT_URL).rstrip("/")
        self.api_key = api_key if api_key is not None else os.environ.get("RALL_API_KEY")
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff

    # -- transport ---------------------------------------------------------------------------------------

    def request(self, method: str, path: str, body: Any = None, idempotency_key: Optional[str] = None) -> Dict[str, Any]:
        """Sends one request, retrying connection errors and 5xx answers with the same Idempotency-Key."""
        data = None if body is None else json.dumps(body, separators=(",", ":"), allow_nan=False).encode("utf-8")
        headers = {"Accept": "application/json", "User-Agent": "rall-client-python/1"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        if idempotency_key is None and method != "GET":
            idempotency_key = str(uuid.uuid4())
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        last_error: Optional[RallError] = None
        for attempt in range(self.retries + 1):
            if attempt > 0:
                time.sleep(self.backoff * (2 ** (attempt - 1)))
            request = urllib.request.Request(self.url + path, data=data, headers=headers, method=method)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return _json(response.read())
            except urllib.error.HTTPError as error:
                payload = _json(error.read())
                last_error = RallError(error.code, str(payload.get("error") or error.reason), payload)
                if error.code not in RETRY_STATUSES:
                    raise last_error from None
            except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
                reason = getattr(error, "reason", error)
                last_error = RallError(None, f"Could not reach {self.url}: {reason}")
        assert last_error is not None
        raise last_error

    def _batch(self, path: str, items: Sequence[Dict[str, Any]], idempotency_key: Optional[str]) -> List[Dict[str, Any]]:
        """Posts items in batches of at most 10,000; item indexes in errors refer to `items` as a whole."""
        base_key = idempotency_key or str(uuid.uuid4())
        answers = []
        for number, offset in enumerate(range(0, len(items), MAX_BATCH_ITEMS)):
            part = items[offset : offset + MAX_BATCH_ITEMS]
            key = base_key if len(items) <= MAX_BATCH_ITEMS else f"{base_key}:{number}"
            try:
                answers.append(self.request("POST", path, {"items": [to_api(item) for item in part]}, key))
            except RallError as error:
                for item in error.items:
                    item["index"] = int(item["index"]) + offset
                raise
        return answers

    # -- the API -----------------------------------------------------------------------------------------

    def log_run(
        self,
        model_type: str,
        model_version: str,
        started_at: Any,
        training_samples: int,
        tags: Optional[Sequence[str]] = None,
        idempotency_key: Optional[str] = None,
        **fields: Any,
    ) -> str:
        """Registers a training run and returns its id.

        Other fields (all optional): completed_at, training_duration_ms, validation_samples, test_samples,
        accuracy, precision, recall, f1_score, training_loss, validation_loss, hyperparameters (a dict),
        feature_set_version, notes.
        """
        body = to_api({"model_type": model_type, "model_version": model_version, "started_at": started_at, "training_samples": training_samples, **fields})
        if tags is not None:
            body["tags"] = list(tags)
        return str(self.request("POST", "/api/v1/runs", body, idempotency_key)["id"])

    def complete_run(self, run_id: str, completed_at: Any, idempotency_key: Optional[str] = None, **metrics: Any) -> Dict[str, Any]:
        """Records that a run finished, with its final metrics (accuracy, f1_score, validation_loss, ...)."""
        body = to_api({"completed_at": completed_at, **metrics})
        return self.request("POST", f"/api/v1/runs/{_quote(run_id)}/complete", body, idempotency_key)

    def log_predictions(self, run_id: Optional[str], predictions: Sequence[Dict[str, Any]], idempotency_key: Optional[str] = None) -> List[str]:
        """Logs predictions of a run (each: query_id, prediction, prediction_type, and optionally confidence,
        predicted_at, actual_value, id). run_id fills in items without their own. Returns the prediction ids."""
        items = [{"run_id": run_id, **prediction} if run_id is not None else prediction for prediction in predictions]
        return [pid for answer in self._batch("/api/v1/predictions", items, idempotency_key) for pid in answer["ids"]]

    def log_ground_truth(self, labels: Sequence[Dict[str, Any]], idempotency_key: Optional[str] = None) -> Dict[str, int]:
        """Records actual values (each: prediction_id, actual_value); is_correct is computed by the server."""
        totals = {"labelled": 0, "correct": 0, "relabelled": 0}
        for answer in self._batch("/api/v1/ground-truth", labels, idempotency_key):
            for key in totals:
                totals[key] += int(answer.get(key, 0))
        return totals

    def log_feature_vectors(self, vectors: Sequence[Dict[str, Any]], idempotency_key: Optional[str] = None) -> List[str]:
        """Logs feature vectors (each: query_id, embedding, and optionally embedding_model, features,
        feature_version, computed_at, id). Returns their ids."""
        return [vid for answer in self._batch("/api/v1/feature-vectors", vectors, idempotency_key) for vid in answer["ids"]]

    def record_ab_outcomes(self, test_id: str, outcomes: Sequence[Dict[str, Any]], idempotency_key: Optional[str] = None) -> Dict[str, Any]:
        """Records outcomes of a running A/B test (each: variant "A" or "B", query_id, prediction, actual_value,
        and optionally predicted_at, confidence). Returns the test's counts after the last batch."""
        answers = self._batch(f"/api/v1/ab-tests/{_quote(test_id)}/outcomes", outcomes, idempotency_key)
        return answers[-1]["counts"] if answers else {}

    def ab_test(self, test_id: str, mde_points: Optional[float] = None) -> Dict[str, Any]:
        """An A/B test with its analysis."""
        query = "" if mde_points is None else f"?mde={mde_points}"
        return self.request("GET", f"/api/v1/ab-tests/{_quote(test_id)}{query}")


def _quote(segment: str) -> str:
    from urllib.parse import quote

    return quote(str(segment), safe="")


def _json(raw: bytes) -> Dict[str, Any]:
    if not raw:
        return {}
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return {"error": raw[:200].decode("utf-8", "replace")}
    return value if isinstance(value, dict) else {"value": value}


def _client(url: Optional[str], api_key: Optional[str]) -> RallClient:
    return RallClient(url=url, api_key=api_key)


def log_run(model_type: str, model_version: str, started_at: Any, training_samples: int, *, url: Optional[str] = None, api_key: Optional[str] = None, **fields: Any) -> str:
    """Registers a training run; returns its id. See RallClient.log_run."""
    return _client(url, api_key).log_run(model_type, model_version, started_at, training_samples, **fields)


def complete_run(run_id: str, completed_at: Any, *, url: Optional[str] = None, api_key: Optional[str] = None, **metrics: Any) -> Dict[str, Any]:
    """Marks a run completed with its final metrics. See RallClient.complete_run."""
    return _client(url, api_key).complete_run(run_id, completed_at, **metrics)


def log_predictions(run_id: Optional[str], predictions: Sequence[Dict[str, Any]], *, url: Optional[str] = None, api_key: Optional[str] = None, idempotency_key: Optional[str] = None) -> List[str]:
    """Logs a run's predictions; returns their ids. See RallClient.log_predictions."""
    return _client(url, api_key).log_predictions(run_id, predictions, idempotency_key)


def log_ground_truth(labels: Sequence[Dict[str, Any]], *, url: Optional[str] = None, api_key: Optional[str] = None, idempotency_key: Optional[str] = None) -> Dict[str, int]:
    """Records actual values of predictions. See RallClient.log_ground_truth."""
    return _client(url, api_key).log_ground_truth(labels, idempotency_key)


def log_feature_vectors(vectors: Sequence[Dict[str, Any]], *, url: Optional[str] = None, api_key: Optional[str] = None, idempotency_key: Optional[str] = None) -> List[str]:
    """Logs feature vectors; returns their ids. See RallClient.log_feature_vectors."""
    return _client(url, api_key).log_feature_vectors(vectors, idempotency_key)


def record_ab_outcomes(test_id: str, outcomes: Sequence[Dict[str, Any]], *, url: Optional[str] = None, api_key: Optional[str] = None, idempotency_key: Optional[str] = None) -> Dict[str, Any]:
    """Records outcomes of a running A/B test. See RallClient.record_ab_outcomes."""
    return _client(url, api_key).record_ab_outcomes(test_id, outcomes, idempotency_key)
