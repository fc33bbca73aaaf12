"""Keeps only what the C ABI consists of in an abidw dump of libexcellence.so.

abidw records every type of every translation unit that has debug information, the C++
internals included (megabytes). The C ABI is the exc_* functions and the types reachable
from their signatures; this script drops everything else, so that the committed baseline
(tests/abi/excellence-c.abi) is small and reviewable, and abidiff compares exactly that.

usage: prune.py IN.abi OUT.abi
"""
import sys
import xml.etree.ElementTree as ET


def references(element):
    """Every type id an element (and its children) refers to."""
    for e in element.iter():
        for name, value in e.attrib.items():
            if name.endswith("type-id") or name == "def-of-decl-id":
                yield value


def main(source, target):
    tree = ET.parse(source)
    corpus = tree.getroot()
    instrs = corpus.findall("abi-instr")

    definitions = {}  # id -> element
    functions = []
    for instr in instrs:
        for e in instr.iter():
            if "id" in e.attrib and e.tag != "abi-instr":
                definitions.setdefault(e.attrib["id"], e)
            if e.tag == "function-decl" and e.attrib.get("elf-symbol-id", "").startswith("exc_"):
                functions.append(e)

    reachable = set()
    pending = [ref for f in functions for ref in references(f)]
    while pending:
        ref = pending.pop()
        if ref in reachable or ref not in definitions:
            continue
        reachable.add(ref)
        pending.extend(references(definitions[ref]))

    def keep(e):
        if e.tag == "function-decl":
            return e in functions
        if "id" in e.attrib:
            return e.attrib["id"] in reachable
        return True

    def prune(parent):
        for child in list(parent):
            if not keep(child):
                parent.remove(child)
                continue
            if child.tag in ("namespace-decl",):
                prune(child)
                if len(child) == 0:
                    parent.remove(child)

    for instr in instrs:
        # The translation unit's path as in the repository, not where it was built.
        path = instr.attrib.get("path", "")
        if "/src/" in path:
            instr.attrib["path"] = "src/" + path.rsplit("/src/", 1)[1]
        prune(instr)
        if len(instr) == 0:
            corpus.remove(instr)
    ET.indent(tree, space=" ")
    tree.write(target, encoding="unicode", xml_declaration=False)
    with open(target, "a", encoding="utf-8") as out:
        out.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
