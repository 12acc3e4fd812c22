"""How option and argument values are named in `--help`.

typer (0.29) labels every parameter with its Python annotation: flags such as
`--offline` or `--help` appear to take a `<bool>`, repeatable options show
`<list[Path]>`, text shows `<str>`. Help here names the value a user types instead:
nothing for a flag, the element for a repeatable option (its help says "repeatable"),
and plain words for text and numbers.
"""

from __future__ import annotations

from typing import Any, get_args

from typer.core import TyperArgument, TyperOption

# Python type names as a user reads them.
_WORDS = {"str": "text", "int": "integer", "float": "number", "bool": "yes|no", "Path": "path"}


def value_label(param: TyperOption | TyperArgument, ctx: Any) -> str | None:
    """The `<…>` shown after a parameter in help, or None for a flag."""
    if isinstance(param, TyperOption):
        if param.is_flag or param.count:
            return None
        if param.metavar is not None:
            return param.metavar
    desc = param.type_descriptor
    if desc.is_list and not desc.is_choice:
        (element,) = get_args(desc.annotation) or (str,)
        name = desc.path_type if desc.is_path else getattr(element, "__name__", str(element))
        return f"<{_WORDS.get(name, name)}>"
    label = TyperArgument.display_type(param, ctx)  # the shared base implementation
    inner = label[1:-1]
    if inner.startswith("list[") and inner.endswith("]"):
        inner = inner[5:-1]
    return f"<{_WORDS.get(inner, inner)}>"


def install() -> None:
    """Use `value_label` for every typer parameter's help."""

    def option_label(self: TyperOption, ctx: Any) -> str | None:
        return value_label(self, ctx)

    def argument_label(self: TyperArgument, ctx: Any) -> str | None:
        return value_label(self, ctx)

    TyperOption.display_type_rich = option_label  # type: ignore[method-assign]
    TyperArgument.display_type_rich = argument_label  # type: ignore[method-assign,assignment]
