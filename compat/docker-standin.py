#!/usr/bin/env python3
"""A stand-in Docker Engine API on 127.0.0.1 (an ephemeral port): answers /_ping, /version and
/info as a Docker daemon does, logs every request to a file, and stops after a time limit. CI
points DOCKER_HOST at it to prove that flagtest's default run does not change (and does not even
ask) when a Docker engine is there.

usage: docker-standin.py PORT_FILE REQUEST_LOG SECONDS
"""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port_file, request_log, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
ANSWERS = {
    "/_ping": ("text/plain", "OK"),
    "/version": ("application/json", json.dumps({"Version": "27.3.1", "ApiVersion": "1.47", "Os": "linux"})),
    "/info": ("application/json", json.dumps({"ServerVersion": "27.3.1", "OperatingSystem": "stand-in"})),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        path = self.path.split("?")[0]
        for prefix in ("/v1.47", "/v1.44", "/v1.32"):
            if path.startswith(prefix):
                path = path[len(prefix):]
        with open(request_log, "a") as log:
            log.write(f"{self.command} {self.path}\n")
        content_type, body = ANSWERS.get(path, ("application/json", json.dumps({"message": "not a stand-in route"})))
        self.send_response(200 if path in ANSWERS else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Api-Version", "1.47")
        self.end_headers()
        self.wfile.write(body.encode())

    do_HEAD = do_GET
    do_POST = do_GET

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file, "w") as out:
    out.write(str(server.server_address[1]))
threading.Timer(seconds, server.shutdown).start()
server.serve_forever()
