"""The device collector: probe records named by a declaration (`kind = "device"`)."""

from __future__ import annotations

from psti.evidence.device import kinds as K
from psti.evidence.device.findings import COLLECTOR, findings_from_record
from psti.evidence.device.record import read_record
from psti.evidence.interface import Collector, CollectorContext, CollectorResult, file_evidence
from psti.model import Effect, Location, make_finding


class DeviceCollector(Collector):
    name = COLLECTOR
    description = "Default-credential probing of the device's network interfaces (saved `psti probe` records)"
    provisions = ("PSTI-S1-1.2", "PSTI-S1-1.3.b", "EN303645-5.1-1")
    kinds = tuple(K.KINDS.values())
    artefact_kinds = ("device",)

    def applies(self, ctx: CollectorContext) -> bool:
        return bool(ctx.artefacts("device"))

    def collect(self, ctx: CollectorContext) -> CollectorResult:
        result = CollectorResult()
        for n, artefact in enumerate(ctx.artefacts("device"), 1):
            evidence_id = f"device-{n}"
            path = ctx.resolve(artefact)
            if path is None or not path.is_file():
                result.findings.append(make_finding(
                    K.INCOMPLETE, Effect.NEEDS_EVIDENCE,
                    f"probe record {artefact.path or artefact.url!r} not found: run `psti probe HOST -o FILE`",
                    collector=COLLECTOR, location=Location(evidence=evidence_id)))
                continue
            events = read_record(path)
            start = events[0]
            result.evidence.append(file_evidence(
                evidence_id, "device-probe", path, COLLECTOR,
                f"probe of {', '.join(start.get('targets') or [])} on {str(start.get('at', ''))[:10]}",
                targets=start.get("targets"), interrupted=bool(events[-1].get("interrupted", True))))
            result.findings += findings_from_record(events, evidence_id,
                                                    mask_secrets=bool(ctx.options.get("mask_secrets", False)))
        return result
