#!/usr/bin/env python3
"""Prints each failed test of the TRX files given, with the first lines of its message: CI keeps only the tail of
the log, so the names of what failed must come last, right before the summary line."""
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"

for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as error:
        print(f"unreadable results file {path}: {error}")
        continue
    for result in root.iter(f"{NS}UnitTestResult"):
        if result.get("outcome") in ("Passed", "NotExecuted"):
            continue
        message = result.findtext(f"{NS}Output/{NS}ErrorInfo/{NS}Message") or ""
        lines = [line.strip() for line in message.strip().splitlines() if line.strip()][:4]
        print(f"FAILED ({result.get('outcome')}, {result.get('duration')}): {result.get('testName')}")
        for line in lines:
            print(f"    {line[:300]}")
