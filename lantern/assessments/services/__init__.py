"""Writes for assessments: start, save a section, submit, authorise or return."""

from .authorise import assessment_authorise, assessment_return, assessment_submit
from .sections import assessment_section_save
from .start import assessment_start

__all__ = ["assessment_authorise", "assessment_return", "assessment_section_save", "assessment_start",
           "assessment_submit"]
