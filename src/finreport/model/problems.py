"""Why a file was not (fully) checked, and what a reader of a result should be told: the
problem codes and notice codes every output carries, as data.

A **problem** stops a file from being checked (``pdf_unreadable``, ``encrypted``,
``not_a_report`` …), or, for ``nothing_read``, leaves a report checked but with nothing
read to check: a run with a problem exits 2.  A **notice** says a report was checked but
could not be identified, or little of it was read: shown wherever the report is, it does
not change the exit code.  Codes are stable (systems key on them); the words are for
people and may be reworded.
"""

from __future__ import annotations

from typing import Final

import attrs

__all__ = ["NOTICES", "PROBLEMS", "Problem"]


@attrs.frozen
class Problem:
    """A problem or notice code: ``code`` (stable, ``snake_case``); ``title`` and
    ``title_zh``, what happened in a few words; ``hint`` and ``hint_zh``, what to do
    about it; and ``checked``: whether the report was still checked (its findings are
    reported)."""

    code: str
    title: str
    title_zh: str
    hint: str
    hint_zh: str
    checked: bool = False

    def words(self, chinese: bool) -> tuple[str, str]:
        """The title and the hint, in Chinese or English."""
        return (self.title_zh, self.hint_zh) if chinese else (self.title, self.hint)


def _table(*problems: Problem) -> dict[str, Problem]:
    return {problem.code: problem for problem in problems}


#: Why a file could not be (fully) checked, by code.
PROBLEMS: Final[dict[str, Problem]] = _table(
    Problem("not_found", "no such file or folder", "文件或文件夹不存在",
            "check the path", "请检查路径"),
    Problem("unreadable", "the file cannot be read", "文件无法读取",
            "check the file's permissions", "请检查文件权限"),
    Problem("undecodable", "the text cannot be decoded", "文本无法解码",
            "name the file's encoding with --encoding (utf-16, gbk, big5 …)",
            "请用 --encoding 指明文件编码（utf-16、gbk、big5 等）"),
    Problem("control_characters", "the text holds control characters", "文本含控制字符",
            "the file is not plain text, or not in the encoding it was read in: name the "
            "encoding with --encoding, or remove the characters",
            "文件不是纯文本，或编码不符：请用 --encoding 指明编码，或删除这些字符"),
    Problem("pdf_unreadable", "the PDF cannot be read", "PDF无法读取",
            "the file is empty, truncated, damaged or not a PDF: fetch it again",
            "文件为空、不完整、已损坏或不是PDF：请重新获取"),
    Problem("encrypted", "the PDF is encrypted", "PDF已加密",
            "give its password with --password", "请用 --password 提供密码"),
    Problem("no_text_layer", "the PDF has no text layer", "PDF没有文字层",
            "a scanned document: run OCR first (e.g. ocrmypdf) and check its output",
            "扫描件：请先做文字识别（如 ocrmypdf）并核对结果"),
    Problem("missing_extra", "an optional part of finreport is not installed",
            "未安装所需的可选组件", "install it: pip install 'finreport[pdf]'",
            "请安装：pip install 'finreport[pdf]'"),
    Problem("not_a_report", "not a department budget or final-accounts report",
            "不是部门预算或决算报告",
            "finreport reads 部门预算, 部门决算 and their university editions",
            "finreport 读取部门预算、部门决算及高校版"),
    Problem("nothing_read", "read as a report, but no figure could be read",
            "识别为报告，但未读出任何数字",
            "its template is one finreport does not know yet: look at its page "
            "(--format html) and report it",
            "其模板尚未支持：请查看其审阅页面（--format html）并反馈", checked=True),
    Problem("internal_error", "finreport failed on this file", "finreport处理此文件时出错",
            "please report it, with the file", "请连同文件一并反馈"),
)

#: What a reader of a checked report should be told, by code.
NOTICES: Final[dict[str, Problem]] = _table(
    Problem("kind_unknown", "neither the title nor a part's heading says budget or final "
            "accounts", "标题和各部分标题均未写明预算或决算",
            "it was read and checked as final accounts (部门决算)", "已按部门决算读取和检查",
            checked=True),
    Problem("kind_contradicted", "the title or a part's heading says budget or final "
            "accounts, and the report was read as the other kind",
            "标题写明的类型（预算或决算）与读取的类型不符",
            "its findings are those of the other kind's rules: please report it",
            "其问题按另一类型的规则检查得出：请反馈", checked=True),
    Problem("organization_unknown", "the organization was not found", "未识别单位名称",
            "the title or the institutions section does not name it as templates do",
            "标题或机构设置部分未按模板写明单位名称", checked=True),
    Problem("fiscal_year_unknown", "the fiscal year was not found", "未识别年度",
            "the title does not write it as templates do (2026年部门预算)",
            "标题未按模板写明年度（如“2026年部门预算”）", checked=True),
    Problem("little_read", "fewer figures were read than were left unattributed",
            "读出的数字少于未归属的数字",
            "much of the report was not understood: look at its page (--format html)",
            "报告大部分内容未能读懂：请查看其审阅页面（--format html）", checked=True),
)
