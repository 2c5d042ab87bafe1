"""What the local workers' fork server loads before it forks them (see
:mod:`crmwb.run.executors`): the job's modules (papermill, nbconvert, WeasyPrint) and the report
renderer, warmed up (its template and fonts: about 2 s of CPU). Every worker forked after shares
them instead of paying for them again. Importing this module is what warms up; nothing else
imports it."""

from __future__ import annotations

from crmwb.run.job import renderer

renderer()
