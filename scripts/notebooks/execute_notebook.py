"""Execute one notebook on the workbook's kernel and export it to HTML, in one Python process.

    python3 scripts/notebooks/execute_notebook.py NOTEBOOK OUT_IPYNB OUT_HTML

The same as `jupyter nbconvert --execute --to notebook` followed by `jupyter nbconvert --to html`,
without starting Python and importing nbconvert twice. Prints the seconds each phase took as one
JSON line (`{"execute": s, "html": s}`); exits 1 when a cell fails, after printing its error.
"""
import json
import os
import sys
import time

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import CellExecutionError, ExecutePreprocessor


def main(source, out_ipynb, out_html):
    started = time.monotonic()
    nb = nbformat.read(source, as_version=4)
    # Nothing to flush at the end (in-memory databases): stop the kernel at once rather than wait for it to exit.
    executor = ExecutePreprocessor(timeout=900, kernel_name="workbook-ts", shutdown_kernel="immediate")
    try:
        executor.preprocess(nb, {"metadata": {"path": os.path.dirname(os.path.abspath(source))}})
    except CellExecutionError as error:
        # The failed copy helps debugging; a notebook executed in place keeps its last good outputs.
        if os.path.abspath(out_ipynb) != os.path.abspath(source):
            nbformat.write(nb, out_ipynb)
        print(error, file=sys.stderr)
        return 1
    nbformat.write(nb, out_ipynb)
    executed = time.monotonic()
    body, _ = HTMLExporter().from_notebook_node(nb)
    with open(out_html, "w", encoding="utf-8") as f:
        f.write(body)
    print(json.dumps({"execute": round(executed - started, 2), "html": round(time.monotonic() - executed, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
