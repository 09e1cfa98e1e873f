"""Small report texts written for the tests (no fixture's shape): shared by the tests of
the faces and of the outputs."""

from __future__ import annotations

#: A budget's narrative whose every figure is a template blank: a report is read, no
#: figure is (problem ``nothing_read``), and its template residue is still found.
NOTHING_READ = """2026年度某某局部门预算
第一部分 部门概况
一、主要职能
负责本地区某某工作。
第二部分 2026年度部门预算情况说明
一、收支预算总体情况
收支预算总计XX万元，比上年增加（减少）XX万元。
"""
