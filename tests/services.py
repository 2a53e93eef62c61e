"""Throwaway servers for tests: a PostgreSQL cluster in a temporary folder.

``postgres_server()`` starts a private PostgreSQL (no system service, no fixed port) and
yields its URL; the cluster is stopped and deleted afterwards, also when the test fails.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_GLOB = "/usr/lib/postgresql/*/bin"


def _pg_bin() -> Path | None:
    """The folder of the newest installed PostgreSQL server binaries, or None."""
    found = [Path(d) for d in glob.glob(PG_GLOB) if (Path(d) / "initdb").exists()]

    def version(d: Path) -> tuple[int, ...]:
        return tuple(int(p) for p in d.parent.name.split(".") if p.isdigit())

    return max(found, key=version) if found else None


def apt_install(package: str) -> None:
    """Install a Debian package with apt-get (as root), or skip the test with the reason."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip(f"{package} is missing and cannot be installed (needs root and apt-get)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    cmd = ["apt-get", "install", "-y", "--no-install-recommends", package]
    if subprocess.run(cmd, env=env, capture_output=True).returncode != 0:
        # a fresh machine may have no package lists yet
        subprocess.run(["apt-get", "update"], env=env, capture_output=True)
        done = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"apt-get install {package} failed: {done.stderr.strip()[-200:]}")


def _install_postgres() -> Path:
    """Install Debian's ``postgresql`` (as root) and return its binaries, or skip."""
    apt_install("postgresql")
    found = _pg_bin()
    if found is None:
        pytest.skip("postgresql was installed but no initdb is under " + PG_GLOB)
    return found


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def postgres_server(db: str = "newscheck_test") -> Iterator[str]:
    """A private PostgreSQL server on 127.0.0.1 with one empty database.

    Runs the server binaries as the ``postgres`` user when the tests run as root (the
    server refuses root). Authentication is ``trust`` on the loopback address only, so any
    password in a URL is accepted.

    Yields:
        ``postgresql://postgres@127.0.0.1:PORT/<db>``.
    """
    bindir = _pg_bin() or _install_postgres()
    as_root = os.geteuid() == 0
    prefix: list[str] = []
    root = Path(tempfile.mkdtemp(prefix="newscheck-pg-"))
    try:
        if as_root:
            import pwd

            try:
                pw = pwd.getpwnam("postgres")
            except KeyError:
                pytest.skip("running as root and there is no 'postgres' user to run the server")
            os.chown(root, pw.pw_uid, pw.pw_gid)
            prefix = ["runuser", "-u", "postgres", "--"]
        data, log, port = root / "data", root / "server.log", free_port()

        def run(*args: str) -> None:
            done = subprocess.run([*prefix, *args], capture_output=True, text=True, cwd=root)
            if done.returncode != 0:
                tail = log.read_text()[-500:] if log.exists() else ""
                raise RuntimeError(f"{args[0]} failed: {done.stderr.strip()}\n{tail}")

        run(str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--no-sync", "--no-instructions")
        options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {root} "
                   "-c fsync=off -c full_page_writes=off")
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
            "-w", "-t", "30", "start")
        try:
            run(str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port),
                "-U", "postgres", db)
            yield f"postgresql://postgres@127.0.0.1:{port}/{db}"
        finally:
            subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m",
                            "immediate", "-w", "stop"], capture_output=True, cwd=root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
