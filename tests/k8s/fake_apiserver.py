#!/usr/bin/env python3
"""A tiny stand-in for an EKS API server, for eksup's integration tests.

Serves HTTPS on 127.0.0.1 (a free port, written to --port-file) with the given certificate and
answers `GET /api/v1/nodes`. It accepts the request only if the bearer token is an EKS token
that eksup (or aws eks get-token) would produce: `k8s-aws-v1.` + unpadded base64url of a
presigned STS GetCallerIdentity URL for the expected region, signed with SigV4 over the headers
`host` and `x-k8s-aws-id: <cluster>`. With --secret-key it recomputes the signature, which
proves the token is bound to the cluster. Every request is appended as one JSON line to
--log. The server exits on its own after --lifetime seconds.
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import ssl
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def check_token(token, cluster, region, secret_key):
    """Returns (ok, reason, details)."""
    prefix = "k8s-aws-v1."
    if not token.startswith(prefix):
        return False, "token does not start with k8s-aws-v1.", {}
    b64 = token[len(prefix):]
    if "=" in b64:
        return False, "token is padded", {}
    try:
        url = base64.urlsafe_b64decode(b64 + "=" * (-len(b64) % 4)).decode()
    except Exception as e:  # noqa: BLE001
        return False, f"token is not base64url: {e}", {}
    parsed = urllib.parse.urlsplit(url)
    params = dict(urllib.parse.parse_qsl(parsed.query, keep_blank_values=True))
    details = {"url": url, "host": parsed.netloc, "params": sorted(params)}
    suffix = "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"
    expected_host = f"sts.{region}.{suffix}"
    checks = [
        (parsed.scheme == "https", "scheme is not https"),
        (parsed.netloc == expected_host, f"host {parsed.netloc} is not {expected_host}"),
        (parsed.path == "/", "path is not /"),
        (params.get("Action") == "GetCallerIdentity", "Action is not GetCallerIdentity"),
        (params.get("Version") == "2011-06-15", "Version is not 2011-06-15"),
        (params.get("X-Amz-Algorithm") == "AWS4-HMAC-SHA256", "X-Amz-Algorithm is not AWS4-HMAC-SHA256"),
        (params.get("X-Amz-Expires") == "60", "X-Amz-Expires is not 60"),
        ("x-k8s-aws-id" in params.get("X-Amz-SignedHeaders", "").split(";"),
         "x-k8s-aws-id is not a signed header"),
        (f"/{region}/sts/aws4_request" in params.get("X-Amz-Credential", ""),
         "X-Amz-Credential scope is not this region's sts"),
        (len(params.get("X-Amz-Signature", "")) == 64, "no X-Amz-Signature"),
    ]
    for ok, reason in checks:
        if not ok:
            return False, reason, details
    if secret_key:
        signed = params["X-Amz-SignedHeaders"].split(";")
        headers = {"host": parsed.netloc, "x-k8s-aws-id": cluster}
        if any(h not in headers for h in signed):
            return False, f"unexpected signed headers {signed}", details
        pairs = [p.split("=", 1) for p in parsed.query.split("&") if p]
        pairs = sorted((k, v) for k, v in pairs if k != "X-Amz-Signature")
        canonical_query = "&".join(f"{k}={v}" for k, v in pairs)
        canonical_headers = "".join(f"{h}:{headers[h]}\n" for h in signed)
        canonical_request = "\n".join([
            "GET", "/", canonical_query, canonical_headers, ";".join(signed),
            hashlib.sha256(b"").hexdigest(),
        ])
        amz_date = params["X-Amz-Date"]
        scope = params["X-Amz-Credential"].split("/", 1)[1]
        string_to_sign = "\n".join([
            "AWS4-HMAC-SHA256", amz_date, scope,
            hashlib.sha256(canonical_request.encode()).hexdigest(),
        ])
        key = ("AWS4" + secret_key).encode()
        for part in scope.split("/"):
            key = hmac.new(key, part.encode(), hashlib.sha256).digest()
        signature = hmac.new(key, string_to_sign.encode(), hashlib.sha256).hexdigest()
        if signature != params["X-Amz-Signature"]:
            return False, f"signature does not match for cluster {cluster}", details
        details["signature_verified"] = True
    return True, "ok", details


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cert", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--cluster", required=True)
    ap.add_argument("--region", required=True)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--secret-key", default=os.environ.get("FAKE_APISERVER_SECRET_KEY", ""))
    ap.add_argument("--lifetime", type=float, default=60)
    args = ap.parse_args()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *a):  # quiet
            pass

        def reply(self, code, body):
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):  # noqa: N802
            auth = self.headers.get("Authorization", "")
            token = auth[len("Bearer "):] if auth.startswith("Bearer ") else ""
            ok, reason, details = check_token(token, args.cluster, args.region, args.secret_key)
            entry = {"path": self.path, "has_bearer": bool(token), "ok": ok, "reason": reason, **details}
            with lock, open(args.log, "a") as f:
                f.write(json.dumps(entry) + "\n")
            if not ok:
                self.reply(401, {"kind": "Status", "apiVersion": "v1", "status": "Failure",
                                 "message": f"Unauthorized: {reason}", "reason": "Unauthorized", "code": 401})
            elif self.path.split("?")[0] == "/api/v1/nodes":
                self.reply(200, {"kind": "NodeList", "apiVersion": "v1", "metadata": {}, "items": []})
            else:
                self.reply(404, {"kind": "Status", "apiVersion": "v1", "status": "Failure",
                                 "reason": "NotFound", "code": 404})

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(args.cert, args.key)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(server.server_address[1]))
    os.replace(tmp, args.port_file)
    timer = threading.Timer(args.lifetime, lambda: os._exit(0))
    timer.daemon = True
    timer.start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
