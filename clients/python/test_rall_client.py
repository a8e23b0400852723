"""Unit tests of the client's own logic against a stand-in HTTP server (standard library only).

Run: python3 -I -S clients/python/test_rall_client.py
"""

import datetime as dt
import http.server
import json
import os
import sys
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import rall_client as rall  # noqa: E402


class Recorder(http.server.BaseHTTPRequestHandler):
    """Answers with the queued (status, body) replies in turn and records each request."""

    replies = []
    requests = []

    def do_POST(self):  # noqa: N802
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"null")
        type(self).requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
        status, reply = type(self).replies.pop(0)
        data = json.dumps(reply).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class ClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.client = rall.RallClient(url=f"http://127.0.0.1:{cls.server.server_port}", api_key="rall_test_key", backoff=0.01)

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()

    def setUp(self):
        Recorder.replies = []
        Recorder.requests = []

    def test_field_names_and_timestamps_become_the_apis(self):
        self.assertEqual(rall.camel_case("training_duration_ms"), "trainingDurationMs")
        self.assertEqual(rall.camel_case("queryId"), "queryId")
        aware = dt.datetime(2026, 11, 20, 15, 30, 0, 123456, tzinfo=dt.timezone(dt.timedelta(hours=1)))
        self.assertEqual(rall.iso_timestamp(aware), "2026-11-20T14:30:00.123Z")
        self.assertEqual(rall.to_api({"f1_score": 0.9, "notes": None}), {"f1Score": 0.9})

    def test_retries_a_5xx_with_the_same_idempotency_key_and_sends_the_bearer_key(self):
        Recorder.replies = [(503, {"error": "busy"}), (201, {"id": "run-1", "tags": []})]
        run_id = self.client.log_run("classifier", "1.0.0", dt.datetime(2026, 1, 1), 100, accuracy=0.9)
        self.assertEqual(run_id, "run-1")
        first, second = Recorder.requests
        self.assertEqual(first["headers"]["Idempotency-Key"], second["headers"]["Idempotency-Key"])
        self.assertEqual(first["headers"]["Authorization"], "Bearer rall_test_key")
        self.assertEqual(first["body"], {"modelType": "classifier", "modelVersion": "1.0.0", "startedAt": "2026-01-01T00:00:00.000Z", "trainingSamples": 100, "accuracy": 0.9})

    def test_a_refused_batch_raises_with_each_items_errors(self):
        Recorder.replies = [(400, {"error": "Item 1 is invalid", "items": [{"index": 1, "fieldErrors": {"confidence": ["bad"]}}], "itemErrorCount": 1})]
        with self.assertRaises(rall.RallError) as raised:
            self.client.log_predictions("run-1", [{"query_id": "q", "prediction": "a"}, {"query_id": "q", "prediction": "b", "confidence": 3}])
        self.assertEqual(raised.exception.status, 400)
        self.assertEqual(raised.exception.items, [{"index": 1, "fieldErrors": {"confidence": ["bad"]}}])
        self.assertEqual(len(Recorder.requests), 1, "a 4xx is not retried")
        self.assertEqual(Recorder.requests[0]["body"]["items"][0], {"runId": "run-1", "queryId": "q", "prediction": "a"})

    def test_splits_more_than_10000_items_and_reports_indexes_of_the_whole(self):
        Recorder.replies = [(201, {"ids": ["x"] * 10_000}), (400, {"error": "bad", "items": [{"index": 2, "fieldErrors": {}}]})]
        with self.assertRaises(rall.RallError) as raised:
            self.client.log_predictions("run-1", [{"query_id": "q", "prediction": "a"}] * 10_005, idempotency_key="k")
        self.assertEqual([len(r["body"]["items"]) for r in Recorder.requests], [10_000, 5])
        self.assertEqual([r["headers"]["Idempotency-Key"] for r in Recorder.requests], ["k:0", "k:1"])
        self.assertEqual(raised.exception.items[0]["index"], 10_002)

    def test_an_unreachable_server_raises_after_the_retries(self):
        client = rall.RallClient(url="http://127.0.0.1:9", retries=1, backoff=0.01)
        with self.assertRaises(rall.RallError) as raised:
            client.log_ground_truth([{"prediction_id": "p", "actual_value": "a"}])
        self.assertIsNone(raised.exception.status)


if __name__ == "__main__":
    unittest.main()
