"""Render exports the way a reader sees them: LibreOffice headless to PDF, poppler to text and PNG."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise RuntimeError("LibreOffice not found: `make test` installs Debian's libreoffice-writer/impress/calc")
    return found


def to_pdf(document: Path) -> Path:
    """Convert with a private LibreOffice profile (parallel test runs must not share one); returns the PDF path."""
    out = document.parent
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(out), str(document)],
                       check=True, capture_output=True, timeout=180, env=os.environ | {"HOME": profile})
    pdf = out / (document.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"LibreOffice produced no PDF for {document.name}")
    return pdf


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True, timeout=60).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_text(pdf: Path, *, first: int | None = None, last: int | None = None) -> str:
    command = ["pdftotext", "-layout"]
    if first:
        command += ["-f", str(first)]
    if last:
        command += ["-l", str(last)]
    return subprocess.run([*command, str(pdf), "-"], check=True, capture_output=True, text=True, timeout=60).stdout


def png_pages(pdf: Path, *, resolution: int = 60) -> list[Path]:
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(resolution), "-png", str(pdf), str(prefix)], check=True, timeout=120)
    return sorted(pdf.parent.glob(prefix.name + "-*.png"))


def pdf_reading_text(pdf: Path) -> str:
    """The text in reading order (a table cell's lines together), white space folded: for sentences in cells."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True, timeout=60).stdout
    return " ".join(text.split())
