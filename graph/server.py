"""The local Neo4j Community 5.26 server, assembled from Maven Central and run with Java 17.

The jars are fetched once with Maven into `<home>/lib`; each instance (the main one that
`make run` uses, or a throw-away one for the tests) has its own conf/data/logs/run folders.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from graph.errors import GraphError

POM = Path(__file__).with_name("neo4j") / "pom.xml"
NEO4J_VERSION = "5.26.12"
BROWSER_VERSION = "5.24.0"
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
JAVA_OPENS = [
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
]


class ServerError(GraphError):
    """The local Neo4j could not be fetched, started or stopped."""


def find_java() -> str:
    """Path of the `java` to run Neo4j with (JAVA_HOME first), or a clear error."""
    java_home = os.environ.get("JAVA_HOME")
    candidates = [Path(java_home) / "bin" / "java"] if java_home else []
    which = shutil.which("java")
    if which:
        candidates.append(Path(which))
    for candidate in candidates:
        if candidate.exists():
            return str(candidate)
    raise ServerError("Java not found: install a Java 17 runtime (Debian: apt-get install "
                      "openjdk-17-jre-headless) or set JAVA_HOME")


def fetch_jars(home: Path) -> Path:
    """Copy the Neo4j runtime jars from Maven Central into `<home>/lib` unless already there."""
    lib = home / "lib"
    if lib.is_dir() and any(lib.glob(f"neo4j-{NEO4J_VERSION}.jar")):
        return lib
    mvn = shutil.which("mvn")
    if not mvn:
        raise ServerError("Maven not found: install it (Debian: apt-get install maven) to "
                          "fetch Neo4j, or set NEO4J_URI to use an existing server")
    lib.mkdir(parents=True, exist_ok=True)
    cmd = [mvn, "-B", "-q", "-f", str(POM), "dependency:copy-dependencies",
           "-DincludeScope=runtime", f"-DoutputDirectory={lib}"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise ServerError(f"fetching Neo4j {NEO4J_VERSION} with Maven failed: "
                          f"{(proc.stdout + proc.stderr).strip()[-500:]}")
    return lib


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    """Whether something accepts TCP connections on host:port."""
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


@dataclass
class LocalNeo4j:
    """One Neo4j instance under `instance_dir`, sharing the jars in `lib`."""

    lib: Path
    instance_dir: Path
    bolt_port: int = 7687
    http_port: int | None = 7474
    auth: bool = True
    heap: str = "1g"
    pagecache: str = "256m"

    @property
    def conf_dir(self) -> Path:
        return self.instance_dir / "conf"

    @property
    def data_dir(self) -> Path:
        return self.instance_dir / "data"

    @property
    def password_file(self) -> Path:
        return self.data_dir / "skg-password.txt"

    @property
    def pid_file(self) -> Path:
        return self.instance_dir / "run" / "skg-neo4j.pid"

    @property
    def log_file(self) -> Path:
        return self.instance_dir / "logs" / "console.log"

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def browser_url(self) -> str | None:
        return f"http://127.0.0.1:{self.http_port}/browser/" if self.http_port else None

    def password(self) -> str | None:
        """The generated password, or None when auth is off or not yet set."""
        if not self.auth or not self.password_file.exists():
            return None
        return self.password_file.read_text(encoding="utf-8").strip()

    def write_config(self) -> None:
        """Write neo4j.conf: loopback only, small memory, no usage reporting."""
        for sub in ("conf", "data", "logs", "run", "import"):
            (self.instance_dir / sub).mkdir(parents=True, exist_ok=True)
        lines = [
            "server.default_listen_address=127.0.0.1",
            f"server.bolt.listen_address=127.0.0.1:{self.bolt_port}",
            f"server.bolt.advertised_address=127.0.0.1:{self.bolt_port}",
            "server.https.enabled=false",
            f"dbms.security.auth_enabled={'true' if self.auth else 'false'}",
            f"server.directories.data={self.data_dir}",
            f"server.directories.logs={self.instance_dir / 'logs'}",
            f"server.directories.run={self.instance_dir / 'run'}",
            f"server.directories.import={self.instance_dir / 'import'}",
            f"server.memory.pagecache.size={self.pagecache}",
            "dbms.usage_report.enabled=false",
            "dbms.security.allow_csv_import_from_file_urls=false",
            "db.transaction.timeout=60s",
        ]
        if self.http_port:
            lines += [
                "server.http.enabled=true",
                f"server.http.listen_address=127.0.0.1:{self.http_port}",
                f"server.http.advertised_address=127.0.0.1:{self.http_port}",
                "browser.remote_content_hostname_whitelist=127.0.0.1,localhost",
                "browser.post_connect_cmd=play http://127.0.0.1:8000/browser/guide.html",
            ]
        else:
            lines.append("server.http.enabled=false")
        (self.conf_dir / "neo4j.conf").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def _env(self) -> dict[str, str]:
        return {**os.environ, "NEO4J_HOME": str(self.instance_dir),
                "NEO4J_CONF": str(self.conf_dir)}

    def ensure_password(self) -> None:
        """Generate and set the initial password before the first start (auth on only)."""
        if not self.auth or self.password_file.exists():
            return
        password = secrets.token_urlsafe(18)
        cmd = [find_java(), "-cp", f"{self.lib}/*", "org.neo4j.cli.AdminTool", "dbms",
               "set-initial-password", password]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=self._env())
        if proc.returncode != 0:
            raise ServerError(f"setting the initial Neo4j password failed: "
                              f"{(proc.stdout + proc.stderr).strip()[-400:]}")
        self.password_file.write_text(password + "\n", encoding="utf-8")
        self.password_file.chmod(0o600)

    def pid(self) -> int | None:
        """The server's process id when it is running."""
        if not self.pid_file.exists():
            return None
        try:
            pid = int(self.pid_file.read_text().strip())
            os.kill(pid, 0)
        except (ValueError, ProcessLookupError, PermissionError):
            return None
        return pid

    def is_running(self) -> bool:
        return self.pid() is not None

    def start(self, timeout: float = 120.0) -> None:
        """Start the server in the background and wait until Bolt answers."""
        if self.is_running():
            return
        if port_open(self.bolt_port):
            raise ServerError(f"port {self.bolt_port} is taken by another program: stop it, "
                              "or set SKG_BOLT_PORT (or NEO4J_URI to use that server)")
        self.write_config()
        self.ensure_password()
        cmd = [find_java(), "-Xms256m", f"-Xmx{self.heap}", *JAVA_OPENS, "-cp",
               f"{self.lib}/*", MAIN_CLASS, f"--home-dir={self.instance_dir}",
               f"--config-dir={self.conf_dir}", "--console-mode"]
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        with self.log_file.open("ab") as log:
            proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, env=self._env(),
                                    start_new_session=True)
        self.pid_file.parent.mkdir(parents=True, exist_ok=True)
        self.pid_file.write_text(str(proc.pid))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise ServerError(f"Neo4j exited with status {proc.returncode} while "
                                  f"starting; see {self.log_file}")
            if self._bolt_answers():
                return
            time.sleep(0.5)
        self.stop()
        raise ServerError(f"Neo4j did not answer on {self.bolt_uri} within {timeout:.0f} s; "
                          f"see {self.log_file}")

    def _bolt_answers(self) -> bool:
        if not port_open(self.bolt_port):
            return False
        from neo4j import GraphDatabase  # imported late: only needed once the port is open

        auth = ("neo4j", self.password() or "") if self.auth else None
        try:
            with GraphDatabase.driver(self.bolt_uri, auth=auth) as driver:
                driver.verify_connectivity()
            return True
        except Exception:  # noqa: BLE001 - any failure means "not ready yet"
            return False

    def stop(self, timeout: float = 60.0) -> bool:
        """Stop the server (SIGTERM, then SIGKILL after `timeout`); False if none ran."""
        pid = self.pid()
        if pid is None:
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            _reap(pid)
            time.sleep(0.3)
        else:
            os.kill(pid, signal.SIGKILL)
            _reap(pid)
        self.pid_file.unlink(missing_ok=True)
        return True


def _reap(pid: int) -> None:
    """Collect the exit status when the server is our own child (no zombie left)."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def main_instance(settings) -> LocalNeo4j:  # noqa: ANN001 - skg.settings.Settings
    """The local server that `skg neo4j start` and `make run` use."""
    return LocalNeo4j(lib=settings.home / "lib", instance_dir=settings.home / "main",
                      bolt_port=settings.bolt_port, http_port=settings.http_port,
                      heap=settings.heap, pagecache=settings.pagecache)
