# Time a fresh workbook kernel's first import of the library: `python3 kernel-ready.py JUPYTER_PATH NOTEBOOK_DIR`.
# Prints one JSON line: {"start_s": kernel start, "import_s": first import cell}.
import json, sys, time, os
os.environ["JUPYTER_PATH"] = sys.argv[1]
from jupyter_client.manager import start_new_kernel

t0 = time.time()
km, kc = start_new_kernel(kernel_name="workbook-ts", cwd=sys.argv[2])
started = time.time() - t0
try:
    t1 = time.time()
    msg_id = kc.execute('import * as wb from "./lib/index";\nconsole.log(typeof wb.loadConfig);')
    out = ""
    while True:
        m = kc.get_iopub_msg(timeout=300)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "stream":
            out += m["content"]["text"]
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    print(json.dumps({"start_s": started, "import_s": time.time() - t1, "ok": "function" in out}))
finally:
    km.shutdown_kernel(now=True)
