from .cases import CaseIndexPage, CaseMaterial, CasePage, CaseTag
from .centre import MunicipalCentrePage
from .documents import DocumentsPage, DocumentsPageItem
from .forms import (
    ApplicationFormField,
    ApplicationPage,
    ApplicationState,
    ApplicationStateChange,
    ApplicationSubmission,
    QuestionnaireField,
    QuestionnairePage,
)
from .landing import MentoringIndexPage
from .mentors import MentorIndexPage, MentorPage
from .news import NewsIndexPage, NewsPage, NewsTag
from .roadmap import RoadmapEvent, RoadmapIndexPage, RoadmapPage, RoadmapStage
from .tags import SectionTag, SourceTag

__all__ = [
    "ApplicationFormField",
    "ApplicationPage",
    "ApplicationState",
    "ApplicationStateChange",
    "ApplicationSubmission",
    "CaseIndexPage",
    "CaseMaterial",
    "CasePage",
    "CaseTag",
    "DocumentsPage",
    "DocumentsPageItem",
    "MentorIndexPage",
    "MentorPage",
    "MentoringIndexPage",
    "MunicipalCentrePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsTag",
    "QuestionnaireField",
    "QuestionnairePage",
    "RoadmapEvent",
    "RoadmapIndexPage",
    "RoadmapPage",
    "RoadmapStage",
    "SectionTag",
    "SourceTag",
]
