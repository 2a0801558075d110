"""Run every benchmark in turn against the databases they expect, printing their figures.

    make bench                       # uses DATABASE_URL or the default benchmark databases
"""

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PG = "postgres://postgres@127.0.0.1:5432/"


def run(script: str, *args: str, database: str | None = None) -> None:
    env = dict(os.environ)
    if database:
        env["DATABASE_URL"] = PG + database
    print(f"\n=== {script} {' '.join(args)} ({env.get('DATABASE_URL', 'default database')})", flush=True)
    subprocess.run([sys.executable, str(HERE / script), *args], check=True, env=env, cwd=HERE.parent)


if __name__ == "__main__":
    run("generate.py", "--children", "85000")
    run("generate.py", "--children", "300000")
    run("search_and_summary.py", "--samples", "300", database="lantern_bench_300000")
    run("audit.py", "--samples", "300", database="lantern_bench_300000")
