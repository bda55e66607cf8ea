"""The README stays true: every setting and every CLI command is documented there."""

from pathlib import Path

import typer.main

from skg.cli import app
from skg.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme() -> None:
    for name, field in Settings.model_fields.items():
        aliases = field.validation_alias.choices  # type: ignore[union-attr]
        assert any(f"`{alias}`" in README for alias in aliases), name


def test_every_cli_command_is_in_the_readme() -> None:
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        if subcommands:
            line = next(ln for ln in README.splitlines() if ln.startswith(f"| `skg {name} "))
            for sub in subcommands:
                assert sub in line, f"{name} {sub}"
        else:
            assert f"`skg {name}" in README, name


def test_readme_opens_with_the_two_commands() -> None:
    head = README[:400]
    assert "make run" in head and "make test" in head
