"""The composite GitHub action (action.yml) and the example workflow that uses it.

Both files are checked against check-jsonschema's built-in GitHub schemas; the action's run script is
run for real against a small repository; the workflow's comment script runs in Node.js against a
stand-in for GitHub's API (create when there is no comment of its own, update it when there is).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
ACTION = ROOT / "action.yml"
WORKFLOW = ROOT / "docs" / "github-actions-eksempel.yml"
RUN_SCRIPT = ROOT / "scripts" / "github-action.sh"
KOMMISSORIUM = Path(sys.executable).parent / "kommissorium"

# current major versions (looked up December 2026: checkout v6, setup-python v6, upload-artifact v7,
# github-script v9; all run on Node 24)
CURRENT = {"actions/checkout": "v6", "actions/setup-python": "v6", "actions/upload-artifact": "v7",
           "actions/github-script": "v9"}


def _load(path: Path) -> dict:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def _schema_check(schema: str, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
                           str(path)], capture_output=True, text=True, timeout=120)


def test_action_is_valid_against_githubs_schema() -> None:
    proc = _schema_check("vendor.github-actions", ACTION)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_workflow_is_valid_against_githubs_schema() -> None:
    proc = _schema_check("vendor.github-workflows", WORKFLOW)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_schema_check_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "w.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "runs_on:", 1),
                      encoding="utf-8")
    assert _schema_check("vendor.github-workflows", broken).returncode == 1


def _uses(node: object) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "uses" and isinstance(value, str):
                found.append(value)
            else:
                found.extend(_uses(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_uses(item))
    return found


def test_current_major_versions_of_actions() -> None:
    uses = _uses(_load(WORKFLOW)) + _uses(_load(ACTION))
    third_party = [u for u in uses if not u.startswith("<org>/kommissorium@")]
    assert third_party
    for use in third_party:
        name, _, ref = use.partition("@")
        assert CURRENT.get(name) == ref, use
    assert {u.partition("@")[0] for u in third_party} == set(CURRENT)
    # the workflow uses the composite action at its moving major tag, not pip install from PyPI
    assert "<org>/kommissorium@v0" in uses
    assert "pip install kommissorium" not in WORKFLOW.read_text(encoding="utf-8")


def test_every_job_has_a_timeout_and_least_privilege() -> None:
    flow = _load(WORKFLOW)
    assert flow["permissions"] == {"contents": "read"}
    for name, job in flow["jobs"].items():
        assert isinstance(job.get("timeout-minutes"), int) and job["timeout-minutes"] <= 30, name
    assert flow["jobs"]["diff"]["permissions"] == {"contents": "read", "pull-requests": "write"}


def test_workflow_inputs_exist_in_the_action() -> None:
    inputs = _load(ACTION)["inputs"]
    for job in _load(WORKFLOW)["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("<org>/kommissorium@"):
                assert set(step.get("with", {})) <= set(inputs), step
                assert step["with"]["command"] in inputs["command"]["description"]
    for needed in ("command", "paths", "format", "output", "args", "strict", "python-version"):
        assert needed in inputs


def test_fork_pull_requests_get_the_summary_not_a_comment() -> None:
    steps = _load(WORKFLOW)["jobs"]["diff"]["steps"]
    same_repo = "github.event.pull_request.head.repo.full_name == github.repository"
    fork = "github.event.pull_request.head.repo.full_name != github.repository"
    comment = next(s for s in steps if s.get("uses", "").startswith("actions/github-script@"))
    assert comment["if"] == same_repo
    summary = [s for s in steps if "GITHUB_STEP_SUMMARY" in s.get("run", "")]
    assert any("if" not in s and "diff.md" in s["run"] for s in summary)  # always, forks included
    assert any(s.get("if") == fork for s in summary)


# -- the comment script, run in Node.js ------------------------------------------------------------

NODE_HARNESS = r"""
const fs = require('fs');
const script = fs.readFileSync(process.argv[2], 'utf8');
const existing = JSON.parse(process.argv[3]);
const calls = [];
const github = {
  rest: { issues: {
    listComments: 'listComments',
    updateComment: async (a) => { calls.push(['update', a.comment_id, a.body]); return {data: {id: a.comment_id}}; },
    createComment: async (a) => { calls.push(['create', a.issue_number, a.body]); return {data: {id: 99}}; },
  } },
  paginate: async (what, args) => { calls.push(['list', args.issue_number]); return existing; },
};
const context = { repo: { owner: 'o', repo: 'r' }, issue: { number: 7 } };
const core = { info: () => {} };
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
new AsyncFunction('github', 'context', 'core', 'require', script)(github, context, core, require)
  .then(() => console.log(JSON.stringify(calls)))
  .catch((e) => { console.error(e); process.exit(3); });
"""


def _comment_script() -> str:
    steps = _load(WORKFLOW)["jobs"]["diff"]["steps"]
    return next(s for s in steps if s.get("uses", "").startswith("actions/github-script@"))["with"]["script"]


def _run_comment(tmp_path: Path, existing: list[dict], diff_text: str = "## Ændringer\n") -> list:
    node = shutil.which("node")
    assert node, "Node.js mangler (Debians pakke nodejs; scripts/setup.sh installerer den)"
    (tmp_path / "script.js").write_text(_comment_script(), encoding="utf-8")
    (tmp_path / "harness.js").write_text(NODE_HARNESS, encoding="utf-8")
    (tmp_path / "diff.md").write_text(diff_text, encoding="utf-8")
    proc = subprocess.run([node, "harness.js", "script.js", json.dumps(existing)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_comment_is_created_when_there_is_none(tmp_path: Path) -> None:
    others = [{"id": 1, "user": {"type": "User"}, "body": "<!-- kommissorium-diff -->\nciteret"},
              {"id": 2, "user": {"type": "Bot"}, "body": "en anden bots kommentar"}]
    calls = _run_comment(tmp_path, others)
    assert calls[0] == ["list", 7]
    assert calls[1][:2] == ["create", 7]
    assert calls[1][2] == "<!-- kommissorium-diff -->\n## Ændringer\n"
    assert len(calls) == 2


def test_own_comment_is_updated(tmp_path: Path) -> None:
    own = [{"id": 5, "user": {"type": "Bot"}, "body": "<!-- kommissorium-diff -->\ngammel"}]
    calls = _run_comment(tmp_path, own, "ny tekst\n")
    assert calls[1] == ["update", 5, "<!-- kommissorium-diff -->\nny tekst\n"]
    assert len(calls) == 2


def test_long_diff_is_cut_below_githubs_limit(tmp_path: Path) -> None:
    calls = _run_comment(tmp_path, [], "x" * 70000)
    body = calls[1][2]
    assert len(body) < 65536 and body.endswith("står i jobbets opsummering)")


# -- the action's run script -----------------------------------------------------------------------

CHARTER = "navn: Testforum\ntype: forum\nområde: region-nordjylland\n"


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "charters" / "nordjylland").mkdir(parents=True)
    (repo / "charters" / "nordjylland" / "testforum.yaml").write_text(CHARTER, encoding="utf-8")
    return repo


def _action(repo: Path, tmp_path: Path, **inputs: str) -> tuple[subprocess.CompletedProcess, str]:
    out = tmp_path / "github_output"
    out.write_text("", encoding="utf-8")
    env = {**os.environ, "KOMMISSORIUM": str(KOMMISSORIUM), "GITHUB_ACTIONS": "true",
           "GITHUB_OUTPUT": str(out), "NO_COLOR": "1"}
    for key in [k for k in env if k.startswith("INPUT_")]:
        del env[key]
    env.update({f"INPUT_{k.upper()}": v for k, v in inputs.items()})
    proc = subprocess.run(["bash", str(RUN_SCRIPT)], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=120)
    return proc, out.read_text(encoding="utf-8")


def test_action_validates_with_annotations_and_exit_code(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    proc, outputs = _action(repo, tmp_path, command="validate")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "exit-code=0" in outputs
    broken = repo / "charters" / "nordjylland" / "testforum.yaml"
    broken.write_text(CHARTER + "formaal: x\n", encoding="utf-8")
    proc, outputs = _action(repo, tmp_path, command="validate", paths="charters/")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert re.search(r"^::error file=charters/nordjylland/testforum\.yaml,line=4,", proc.stdout, re.M)
    assert "exit-code=1" in outputs


def test_action_writes_stdout_to_the_output_file(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    proc, outputs = _action(repo, tmp_path, command="validate", format="json", output="ud/fund.json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads((repo / "ud" / "fund.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    assert "output=ud/fund.json" in outputs


def test_action_refuses_unknown_commands_and_never_evaluates_inputs(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    proc, _ = _action(repo, tmp_path, command="rm")
    assert proc.returncode == 2
    assert "::error title=kommissorium-handlingen::Ukendt kommando 'rm'" in proc.stdout
    proc, _ = _action(repo, tmp_path, command="validate", strict="ja")
    assert proc.returncode == 2 and "strict skal være true eller false" in proc.stdout
    # a path with shell syntax is a (missing) path, never a command
    proc, _ = _action(repo, tmp_path, command="validate", paths="$(touch pwned) *")
    assert not (repo / "pwned").exists()
    assert proc.returncode == 2, proc.stdout + proc.stderr

