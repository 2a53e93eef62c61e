"""A Ray cluster address where nothing listens fails at once with a reason, before Ray is
asked to join it (Ray would retry for minutes)."""

from __future__ import annotations

import socket

import pytest
from typer.testing import CliRunner

from newscheck.batch.ray import check_address
from newscheck.cli import app
from newscheck.errors import NewscheckError


def _closed_port() -> int:
    """A loopback port nothing listens on: bound to learn it, then closed."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_closed_port_is_refused_with_the_address_and_what_to_do():
    address = f"127.0.0.1:{_closed_port()}"
    with pytest.raises(NewscheckError) as caught:
        check_address(address, timeout=30.0)
    message = str(caught.value)
    assert message.startswith(f"no Ray cluster at {address}: Connection refused;")
    assert "ray start --head" in message


def test_a_client_address_is_checked_at_its_host_and_port():
    port = _closed_port()
    with pytest.raises(NewscheckError, match=f"at ray://127.0.0.1:{port} "):
        check_address(f"ray://127.0.0.1:{port}", timeout=30.0)


def _fill_queue(port: int, held: list[socket.socket]) -> bool:
    """Connect to ``port`` until a connection goes unanswered; False if none does."""
    for _ in range(16):
        client = socket.socket()
        held.append(client)
        client.settimeout(0.2)
        try:
            client.connect(("127.0.0.1", port))
        except TimeoutError:
            return True
    return False


def test_an_address_that_never_answers_gives_up_after_the_timeout():
    # A listener whose queue of pending connections is full drops new ones unanswered,
    # as a host behind a firewall does.
    held: list[socket.socket] = []
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(0)
        port = server.getsockname()[1]
        try:
            if not _fill_queue(port, held):
                pytest.skip("this system queues every pending connection")
            with pytest.raises(NewscheckError, match="nothing answered within 0.2 s"):
                check_address(f"127.0.0.1:{port}", timeout=0.2)
        finally:
            for client in held:
                client.close()


def test_a_listening_address_passes():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        check_address(f"127.0.0.1:{server.getsockname()[1]}", timeout=30.0)


@pytest.mark.parametrize("address", ["6379", "head-node", "ray://head-node:port"])
def test_an_address_without_a_port_is_refused(address):
    with pytest.raises(NewscheckError, match="expected host:port, ray://host:port or auto"):
        check_address(address, timeout=30.0)


def test_auto_is_checked_at_the_address_ray_would_join(monkeypatch):
    pytest.importorskip("ray", reason="the [ray] extra is not installed")
    port = _closed_port()
    monkeypatch.setenv("RAY_ADDRESS", f"127.0.0.1:{port}")
    with pytest.raises(NewscheckError, match=rf"no Ray cluster at auto \(.*:{port}\)"):
        check_address("auto", timeout=30.0)


def test_auto_with_no_cluster_running_says_so(monkeypatch):
    pytest.importorskip("ray", reason="the [ray] extra is not installed")
    from ray._private import services

    def nothing_running(address):
        raise ConnectionError("Could not find any running Ray instance.")

    monkeypatch.setattr(services, "canonicalize_bootstrap_address_or_die", nothing_running)
    with pytest.raises(NewscheckError, match="no Ray cluster is running on this machine"):
        check_address("auto", timeout=30.0)


def test_batch_with_a_dead_address_fails_before_starting_ray(tmp_path):
    ray = pytest.importorskip("ray", reason="the [ray] extra is not installed")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"title": "t", "text": "A report."}\n', encoding="utf-8")
    address = f"127.0.0.1:{_closed_port()}"
    result = CliRunner().invoke(app, [
        "batch", str(corpus), "--out", str(tmp_path / "out.jsonl"),
        "--engine", "ray", "--address", address,
    ])
    assert result.exit_code == 1
    assert f"no Ray cluster at {address}: Connection refused" in result.output
    assert not ray.is_initialized()
