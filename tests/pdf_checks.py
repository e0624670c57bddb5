"""Reading a PDF back in tests: is it tagged (structure tree, marked content, language, title), and its text."""

from io import BytesIO


def tagged_pdf_facts(pdf: bytes) -> dict:
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(pdf))
    root = reader.trailer["/Root"]
    mark_info = root.get("/MarkInfo")
    viewer = root.get("/ViewerPreferences")
    struct = root.get("/StructTreeRoot")
    kids = struct.get_object().get("/K") if struct else None
    return {
        "struct_tree": struct is not None and kids is not None,
        "marked": bool(mark_info and mark_info.get_object().get("/Marked")),
        "lang": str(root.get("/Lang", "")),
        "display_title": bool(viewer and viewer.get_object().get("/DisplayDocTitle")),
        "title": str((reader.metadata or {}).get("/Title", "")),
        "pages": len(reader.pages),
        "text": "\n".join(page.extract_text() or "" for page in reader.pages),
    }
