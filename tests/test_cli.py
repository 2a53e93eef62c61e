"""The command line as a user runs it (a subprocess, the real entry point)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NEWSCHECK = [sys.executable, "-m", "newscheck.cli"]
EXAMPLES = ROOT / "examples"

ARTICLE = (
    "Title: Council approves harbour budget\nOutlet: Test Gazette\nPublished: 2026-03-10\n\n"
    "The city council approved a budget of 12 million crowns for the harbour on Monday. "
    "The vote passed by 21 votes to 9 after a debate that lasted four hours. "
    "Mayor Petra Lindahl said the money would pay for new cranes and a safer quay. "
    "\"This is a good day for the harbour,\" Lindahl said after the vote.\n"
)


def run(*args, stdin: str | None = None, cwd=None):
    return subprocess.run(
        [*NEWSCHECK, *args], input=stdin, capture_output=True, text=True, cwd=cwd, timeout=300
    )


def test_usage_error_exits_2():
    r = run("analyze", "x.txt", "-f", "pdf")
    assert r.returncode == 2
    assert "unknown format 'pdf'" in r.stderr


def test_unknown_setting_exits_2_with_the_key(tmp_path):
    bad = tmp_path / "s.toml"
    bad.write_text("[stories]\nthreshhold = 0.5\n")
    r = run("analyze", str(tmp_path), "--settings", str(bad))
    assert r.returncode == 2
    assert "stories.threshhold" in r.stderr


def test_nothing_analysable_exits_1_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n\x00\x01\x02binary")
    r = run("analyze", str(tmp_path), "-f", "json", "--embedder", "hashing")
    assert r.returncode == 1
    data = json.loads(r.stdout)
    reasons = {Path(s["input"]).name: s["reason"] for s in data["skipped"]}
    assert set(reasons) == {"empty.txt", "scan.pdf"}
    assert "nothing could be analysed" in r.stderr


@pytest.mark.slow
def test_stdin_and_a_bad_file_in_one_batch(tmp_path):
    (tmp_path / "bin.dat").write_bytes(bytes(range(256)) * 4)
    r = run("analyze", "-", str(tmp_path / "bin.dat"), "-f", "json", "-q", stdin=ARTICLE)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert [a["input"] for a in data["articles"]] == ["-"]
    assert data["articles"][0]["outlet"] == "Test Gazette"
    assert data["skipped"][0]["input"].endswith("bin.dat")
    assert "skipped" in r.stderr


@pytest.mark.slow
def test_output_file_in_markdown(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    out = tmp_path / "r.md"
    r = run("analyze", str(tmp_path / "a.txt"), "-f", "markdown", "-o", str(out))
    assert r.returncode == 0, r.stderr
    text = out.read_text()
    assert text.startswith("# newscheck report")
    assert "Council approves harbour budget" in text


def test_settings_command_prints_toml_that_loads_back(tmp_path):
    r = run("settings")
    assert r.returncode == 0
    assert "[stories]" in r.stdout
    path = tmp_path / "s.toml"
    path.write_text(r.stdout)
    from newscheck.settings import Settings, load_settings

    assert load_settings(path) == Settings()


# --------------------------------------------------------------------------- bad input, extract

BAD = ROOT / "tests" / "data" / "bad"


def test_missing_output_folder_is_an_error_before_any_work(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    r = run("analyze", str(tmp_path / "a.txt"), "-o", "/no/such/dir/x.json", "-f", "json")
    assert r.returncode == 2
    assert r.stderr.strip() == "error: cannot write to /no/such/dir/x.json: folder /no/such/dir " \
        "does not exist"
    r = run("extract", str(tmp_path / "a.txt"), "-o", str(tmp_path))
    assert r.returncode == 2 and "it is a folder" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[stories]\nthreshold = " + "[" * 3000 + "]" * 3000 + "\n", "too deeply"),
        (b"[stories]\nthreshold = \"\xff\xfe\"\n", "not UTF-8 text"),
    ],
)
def test_a_settings_file_that_cannot_be_read_is_a_one_line_error(tmp_path, content, reason):
    bad = tmp_path / "s.toml"
    bad.write_bytes(content.encode() if isinstance(content, str) else content)
    r = run("extract", str(tmp_path), "--settings", str(bad))
    assert r.returncode == 2
    assert reason in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) <= 2


def test_a_path_that_looks_like_markup_is_printed_as_it_is(tmp_path):
    folder = tmp_path / "[bold]reports[red]"
    folder.mkdir()
    (folder / "s.toml").write_text("[stories]\nthreshold = [\n")  # not TOML: named by path
    (folder / "a.txt").write_text(ARTICLE)
    r = run("extract", str(folder), "--settings", str(folder / "s.toml"))
    assert r.returncode == 2 and f"{folder / 's.toml'}" in r.stderr.replace("\n", "")
    r = run("extract", str(folder / "a.txt"), "-o", str(folder / "out.jsonl"))
    assert r.returncode == 0 and f"wrote 1 report to {folder / 'out.jsonl'}" in r.stderr


def test_setting_out_of_range_names_the_range(tmp_path):
    bad = tmp_path / "s.toml"
    bad.write_text("[stories]\nthreshold = 7\n")
    r = run("analyze", str(tmp_path), "--settings", str(bad))
    assert r.returncode == 2
    assert "setting 'stories.threshold' must be between 0 and 1, got 7.0" in r.stderr
    bad.write_text("[stories]\nthreshold = 0.45\n")  # near miss: in range
    from newscheck.settings import load_settings

    assert load_settings(bad).stories.threshold == 0.45


def test_every_range_names_a_real_setting():
    import dataclasses

    from newscheck.settings import RANGES, Settings

    s = Settings()
    known = {
        f"{section.name}.{f.name}"
        for section in dataclasses.fields(s)
        if dataclasses.is_dataclass(getattr(s, section.name))
        for f in dataclasses.fields(getattr(s, section.name))
    }
    assert set(RANGES) <= known, set(RANGES) - known
    for name in RANGES:  # the defaults are in range
        section, key = name.split(".")
        from newscheck.settings import _check_range

        _check_range(name, getattr(getattr(s, section), key))


def test_help_has_examples_and_no_type_labels():
    for command in ("analyze", "extract"):
        r = run(command, "--help")
        assert r.returncode == 0
        assert "Examples" in r.stdout and f"newscheck {command} " in r.stdout
        assert "<list[str]>" not in r.stdout and "<bool>" not in r.stdout
        assert "<str>" not in r.stdout and "<path>" not in r.stdout


def test_extract_writes_json_lines_and_names_the_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_text("")
    r = run("extract", str(tmp_path))
    assert r.returncode == 0, r.stderr
    (line,) = r.stdout.splitlines()
    obj = json.loads(line)
    assert set(obj) == {"id", "input", "url", "title", "outlet", "published", "language",
                        "words", "text"}  # fmt: skip
    assert (obj["title"], obj["outlet"], obj["published"]) == (
        "Council approves harbour budget", "Test Gazette", "2026-03-10"
    )
    assert obj["text"].startswith("The city council approved a budget")
    assert obj["words"] == len(obj["text"].split())
    assert f"skipped {tmp_path / 'empty.txt'}: empty" in r.stderr


def test_extract_of_nothing_readable_exits_1(tmp_path):
    r = run("extract", str(BAD / "empty.txt"), str(BAD / "scan.pdf"))
    assert r.returncode == 1
    assert r.stdout == ""
    assert "binary file (PDF)" in r.stderr and "nothing could be extracted" in r.stderr


def test_extract_of_json_nested_too_deep_names_it_and_keeps_the_rest(tmp_path):
    deep = "[" * 1000 + "]" * 1000
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "deep.json").write_text(deep)
    good = json.dumps({"text": ARTICLE.split("\n\n", 1)[1], "title": "From the lines"})
    (tmp_path / "two.jsonl").write_text(f"{good}\n{deep}\n")
    r = run("extract", str(tmp_path))
    assert r.returncode == 0, r.stderr
    titles = sorted(json.loads(line)["title"] for line in r.stdout.splitlines())
    assert titles == ["Council approves harbour budget", "From the lines"]
    assert "deep.json: JSON nested more than 64 levels deep" in r.stderr
    assert "two.jsonl#2: JSON on line 2 nested more than 64 levels deep" in r.stderr
    assert "Traceback" not in r.stderr


def test_verbose_prints_each_skip_once(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4 x")
    r = run("extract", "-v", str(tmp_path), "-o", str(tmp_path / "out.jsonl"))
    assert r.returncode == 0, r.stderr
    assert r.stderr.count("b.pdf") == 1
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 1
    assert "wrote 1 report to" in r.stderr  # not "1 reports"


@pytest.mark.slow
def test_folder_of_every_bad_file_and_one_good_report_finishes_fast(tmp_path):
    import os
    import shutil
    import socket
    import time

    folder = tmp_path / "in"
    shutil.copytree(BAD, folder, ignore=shutil.ignore_patterns("README.md"))
    (folder / "good.txt").write_text(ARTICLE)
    os.mkfifo(folder / "pipe.txt")
    os.symlink(folder / "loop-b.txt", folder / "loop-a.txt")
    os.symlink(folder / "loop-a.txt", folder / "loop-b.txt")
    with open(folder / "huge.txt", "wb") as fh:
        fh.truncate(6_000_000)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(folder / "s.sock"))
    try:
        start = time.monotonic()
        r = run("analyze", str(folder), "-f", "json", "-q", "--embedder", "hashing")
        elapsed = time.monotonic() - start
    finally:
        sock.close()
    assert r.returncode == 0, r.stderr
    assert elapsed < 60
    data = json.loads(r.stdout)
    analysed = {Path(a["input"]).name for a in data["articles"]}
    assert "good.txt" in analysed
    reasons = {Path(s["input"]).name: s["reason"] for s in data["skipped"]}
    # the three encodings of one text decode to the same report: one is analysed, the
    # others are skipped as the same report (ids are content hashes)
    wide = ["utf16le-no-bom.txt", "utf16be-no-bom.txt", "utf32le-no-bom.txt"]
    assert sum(name in analysed for name in wide) == 1
    assert all(
        name in analysed or reasons[name].startswith("the same report as") for name in wide
    )
    expected = {
        "pipe.txt": "special file (a FIFO", "s.sock": "special file (a socket)",
        "loop-a.txt": "symlink loop", "loop-b.txt": "symlink loop", "huge.txt": "too large",
        "binary.bin": "binary file", "empty.txt": "empty", "whitespace.txt": "empty",
        "bad-utf8.txt": "not UTF-8", "scan.pdf": "binary file (PDF)",
        "photo.png": "binary file (PNG)", "entity-bomb.rss": "feed refused",
        "not-a-feed.xml": "XML that is not", "no-text.json": "JSON article has no 'text'",
        "truncated.jsonl#2": "invalid JSON on line 2", "no-article.html": "not an article",
    }  # fmt: skip
    for name, reason in expected.items():
        assert reasons.get(name, "").startswith(reason), (name, reasons.get(name))
    inputs = {p.name for p in folder.iterdir()} | {"truncated.jsonl#1", "truncated.jsonl#2"}
    assert analysed | set(reasons) == inputs - {"truncated.jsonl"}


GERMAN = (
    "Title: Bezirksrat beschließt neuen Busfahrplan\n\n"
    "Der Bezirksrat von Almsfeld hat am Donnerstag nach einem Monat öffentlicher Anhörungen "
    "einen neuen Busfahrplan beschlossen. Auf den drei meistgenutzten Linien fahren die Busse ab "
    "August alle zehn Minuten, sagte der Verkehrsbeauftragte des Rates.\n\n"
    "Die Abendverbindungen enden künftig eine Stunde später als bisher. Zwei Nachtlinien werden "
    "sechs Monate lang erprobt, danach entscheidet der Rat erneut.\n"
)
CHINESE = (
    "区议会批准新的公交时刻表\n\n区议会在经过一个月的公开听证后，于周四批准了新的公交时刻表。从八月起，"
    "三条最繁忙的线路将每十分钟发车一班，议会的交通官员表示。\n\n晚间班车的末班时间将比现在推迟一个小时。"
    "两条夜间线路将试运行六个月，之后议会将再次作出决定。\n"
)


@pytest.mark.slow
def test_reports_in_other_languages_stand_alone_with_a_note(tmp_path):
    (tmp_path / "de.txt").write_text(GERMAN)
    (tmp_path / "zh.txt").write_text(CHINESE)
    (tmp_path / "en.txt").write_text(ARTICLE)
    r = run("analyze", str(tmp_path), "-f", "json", "-q", "--embedder", "hashing")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["skipped"] == []
    language = {Path(a["input"]).name: (a["id"], a.get("language")) for a in data["articles"]}
    assert {k: v[1] for k, v in language.items()} == {"de.txt": "de", "en.txt": "en",
                                                        "zh.txt": "zh"}  # fmt: skip
    by_article = {tuple(s["articles"]): s for s in data["stories"]}
    for name in ("de.txt", "zh.txt"):
        story = by_article[(language[name][0],)]
        assert story["note"].startswith(f"report in language '{language[name][1]}'")
        assert story["claims"] == [] and story["quotes"] == []
    english = by_article[(language["en.txt"][0],)]
    assert "note" not in english and english["claims"]


@pytest.mark.slow
def test_jobs_parse_in_processes_with_the_same_report(tmp_path):
    """--jobs N parses in N processes; the report is the same as with one."""
    reports = tmp_path / "reports"
    reports.mkdir()
    for n in range(4):
        (reports / f"a{n}.txt").write_text(ARTICLE.replace("21 votes", f"{21 + n} votes"))
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"r{jobs}.json"
        r = run("analyze", str(reports), "-f", "json", "-o", str(out), "-q", "--jobs", jobs,
                "--embedder", "hashing")
        assert r.returncode == 0, r.stderr
        data = json.loads(out.read_text())
        data.pop("generated_at")
        outs.append(data)
    assert outs[0] == outs[1]
    assert len(outs[0]["articles"]) == 4
    # near miss: no process at all is a usage error, said before any work
    r = run("analyze", str(reports), "--jobs", "0")
    assert r.returncode == 2 and "jobs" in r.stderr


# --------------------------------------------------------------------------- the store


@pytest.mark.slow
def test_analyze_keeps_the_analysis_and_show_prints_it_again(tmp_path):
    db = str(tmp_path / "cli.db")
    r = run("analyze", str(EXAMPLES / "meridian_wire.txt"), str(EXAMPLES / "valley_courier.txt"),
            "-f", "json", "--db", db, "--embedder", "hashing")
    assert r.returncode == 0, r.stderr
    analysis_id = r.stderr.split("stored as analysis ", 1)[1].split()[0]
    listed = run("list", "--db", db)
    assert listed.returncode == 0 and analysis_id in listed.stdout and "done" in listed.stdout
    shown = run("show", analysis_id, "-f", "json", "--db", db)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout) == json.loads(r.stdout)  # generated_at included
    md = run("show", analysis_id, "-f", "markdown", "--db", db)
    assert md.returncode == 0 and md.stdout.startswith("#")
    # an unknown id is an error naming it; --no-store keeps nothing
    missing = run("show", "0123456789abcdef", "--db", db)
    assert missing.returncode == 1 and "no analysis 0123456789abcdef" in missing.stderr
    again = run("analyze", str(EXAMPLES / "meridian_wire.txt"), "-q", "-f", "json",
                "--db", db, "--no-store", "--embedder", "hashing")
    assert again.returncode == 0 and "stored as" not in again.stderr
    assert run("list", "--db", db).stdout.count("done") == 1


def test_delete_says_what_became_of_each_id_and_exits_1_if_any_stayed(tmp_path):
    from newscheck.store import open_store

    db = str(tmp_path / "del.db")
    store = open_store(db)
    try:
        failed = store.create_analysis(inputs=1, label="mistaken upload")
        store.fail_analysis(failed.id, "invented failure")
        running = store.create_analysis(inputs=1)
        store.start_analysis(running.id)
    finally:
        store.close()
    r = run("delete", failed.id, "0123456789abcdef", "--db", db)
    assert r.returncode == 1
    assert r.stdout.splitlines() == [f"{failed.id}: deleted"]
    assert r.stderr.splitlines() == [f"0123456789abcdef: no such analysis in sqlite:///{db}"]
    listed = run("list", "--db", db)
    assert failed.id not in listed.stdout and running.id in listed.stdout
    busy = run("delete", running.id, "--db", db)
    assert busy.returncode == 1 and f"{running.id}: still running: not deleted" in busy.stderr
    # near miss: deleting only what can be deleted exits 0
    store = open_store(db)
    try:
        store.fail_analysis(running.id, "invented failure")
    finally:
        store.close()
    ok = run("delete", running.id, "--db", db)
    assert ok.returncode == 0 and ok.stdout.strip() == f"{running.id}: deleted"
    assert "no analyses" in run("list", "--db", db).stderr


def test_a_store_that_cannot_be_opened_is_a_one_line_error(tmp_path):
    r = run("list", "--db", str(tmp_path))  # a folder, not a database file
    assert r.returncode == 1
    assert r.stderr.startswith("error:") and "Traceback" not in r.stderr


def test_serve_refuses_a_port_out_of_range():
    r = run("serve", "--port", "70000")
    assert r.returncode == 2 and "port must be between 1 and 65535" in r.stderr


def test_serve_stops_with_a_reason_when_its_port_or_its_store_is_taken(tmp_path):
    import socket

    from services import free_port

    from newscheck.store import open_store

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        r = run("serve", "--port", str(port), "--db", str(tmp_path / "a.db"))
    assert r.returncode == 1 and f"cannot listen on 127.0.0.1:{port}" in r.stderr
    db = str(tmp_path / "held.db")
    store = open_store(db)
    try:
        with store.serving():  # another server holds the store
            r = run("serve", "--port", str(free_port()), "--db", db)
    finally:
        store.close()
    assert r.returncode == 1 and "in use by another newscheck server" in r.stderr
