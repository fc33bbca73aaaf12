"""Every public name has a docstring and a type stub."""
import inspect
import pathlib

import pytest

import excellence as ex

PACKAGE = pathlib.Path(ex.__file__).parent


@pytest.mark.parametrize("module, stub", [(ex, "__init__.pyi"), (ex.pls, "pls.pyi"), (ex.clv, "clv.pyi")])
def test_public_names_have_docstrings_and_stubs(module, stub):
    text = (PACKAGE / stub).read_text()
    for name in module.__all__:
        obj = getattr(module, name)
        if inspect.ismodule(obj):
            continue
        assert inspect.getdoc(obj), "%s.%s has no docstring" % (module.__name__, name)
        assert ("def %s(" % name) in text or ("class %s" % name) in text, "%s is not in %s" % (name, stub)


def test_errors_are_value_errors():
    assert issubclass(ex.DataError, ValueError)
    assert ex.DataError.__module__ == "excellence"
