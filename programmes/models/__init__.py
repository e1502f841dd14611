from .consent_texts import ConsentText
from .consents import Consent, ConsentKind
from .forms import MentoringForm, RoleModel
from .programme import (
    LegalAct,
    ManagementRole,
    Programme,
    ProgrammeDocument,
    ProgrammeStage,
)
from .results import MonitoringResult, ParticipationFigures, TargetIndicator
from .schools import School, SchoolRole

__all__ = [
    "Consent",
    "ConsentKind",
    "ConsentText",
    "LegalAct",
    "ManagementRole",
    "MentoringForm",
    "MonitoringResult",
    "ParticipationFigures",
    "Programme",
    "ProgrammeDocument",
    "ProgrammeStage",
    "RoleModel",
    "School",
    "SchoolRole",
    "TargetIndicator",
]
