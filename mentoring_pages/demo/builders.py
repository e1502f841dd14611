"""The demo school's «Наставничество» section: the landing, the roadmap imported from an
anonymised real roadmap, best mentors, cases, news, documents, the application forms and a
questionnaire, in Russian with English translations.

Everyone named here is fictional. Pictures and documents are generated in code: nothing is
downloaded. Pages are looked up by slug under their parent and only the missing ones are
created, so a second run changes nothing and what editors changed stays as they left it."""

import datetime
import io
import math
from html import escape
from pathlib import Path

import docx
from django.core.files.base import ContentFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.utils.file import hash_filelike

from home.demo import SCHOOL
from mentoring_pages.consent.rules import public_path
from mentoring_pages.models import (
    ApplicationFormField,
    ApplicationPage,
    CaseIndexPage,
    CaseMaterial,
    CasePage,
    DocumentsPage,
    DocumentsPageItem,
    MentorIndexPage,
    MentoringIndexPage,
    MentorPage,
    NewsIndexPage,
    NewsPage,
    QuestionnaireField,
    QuestionnairePage,
    RoadmapIndexPage,
    RoadmapPage,
)
from mentoring_pages.roadmap.importer import fill_roadmap
from mentoring_pages.roadmap.reader import read_roadmap
from mentoring_pages.roadmap.statuses import EventStatus, change_status
from programmes.models import Consent, ConsentKind, ConsentText
from programmes.models.programme import DocumentKind
from programmes.models.results import MetricKind, MonitoringStage
from programmes.roles import SITE_COLLECTION, collection_named
from site_project.translation import TranslationMemory, translate

DEMO_DATA = Path(__file__).resolve().parent / "content"
ROADMAP_FILE = DEMO_DATA / "roadmap_000.docx"

D = datetime.date


def paragraphs(*pairs):
    """(Russian HTML, English HTML) of paragraphs, from (Russian, English) pairs."""
    return tuple("".join(f"<p>{escape(pair[i])}</p>" for pair in pairs) for i in (0, 1))


def bullets(*pairs):
    return tuple(
        "<ul>" + "".join(f"<li>{escape(pair[i])}</li>" for pair in pairs) + "</ul>" for i in (0, 1)
    )


def join(*parts):
    return tuple("".join(part[i] for part in parts) for i in (0, 1))


# --- The landing ------------------------------------------------------------------------------

EMAIL = SCHOOL["email"]
EMAIL_LINK = f'<a href="mailto:{EMAIL}">{EMAIL}</a>'

LANDING = {
    "slug": "nastavnichestvo",
    "title": ("Наставничество", "Mentoring"),
    "intro": paragraphs(
        (
            "С 2020 года в Школе № 1 п. Примерный работает программа наставничества по "
            "целевой модели Минпросвещения России. Старшеклассники помогают младшим "
            "освоиться в школе и подтянуть учёбу, а опытные учителя поддерживают молодых "
            "коллег в первые годы работы. Здесь собраны дорожная карта программы, наши лучшие "
            "наставники, истории пар, новости и документы.",
            "Since 2020 School No. 1, Primerny, has run a mentoring programme following the "
            "Ministry of Education's target model. Older pupils help younger ones settle in "
            "and catch up with their studies, and experienced teachers support young "
            "colleagues in their first years at work. Here you will find the programme's "
            "roadmap, our best mentors, the pairs' stories, news and documents.",
        )
    ),
    "how_to_take_part": join(
        (
            "<p>Участие добровольное и бесплатное. Чтобы стать наставником или найти "
            "наставника, заполните заявку на сайте (ссылки ниже) или напишите куратору "
            f"программы на {EMAIL_LINK}:</p>",
            "<p>Taking part is voluntary and free. To become a mentor or to find one, fill "
            "in an application on the site (links below) or write to the programme "
            f"coordinator at {EMAIL_LINK}:</p>",
        ),
        bullets(
            (
                "Ученик: укажите класс и напишите, чем вы хотите помочь другим или в чём "
                "нужна помощь вам. Куратор пригласит вас на анкетирование.",
                "Pupils: give your class and say how you would like to help others or what "
                "you need help with. The coordinator will invite you to fill in a "
                "questionnaire.",
            ),
            (
                "Родитель: напишите, какая поддержка нужна ребёнку в учёбе или в новом "
                "классе. Ученик младше 18 лет участвует в программе с вашего согласия.",
                "Parents: say what support your child needs with studies or in a new class. "
                "Pupils under 18 take part with your consent.",
            ),
            (
                "Учитель: напишите, какой предмет вы ведёте и хотите ли вы стать наставником "
                "или получить поддержку опытного коллеги.",
                "Teachers: say which subject you teach and whether you would like to become a "
                "mentor or to be supported by an experienced colleague.",
            ),
        ),
        paragraphs(
            (
                "Пары составляются в начале учебного года, а при необходимости и в течение года.",
                "Pairs are formed at the start of the school year and, when needed, during "
                "the year.",
            )
        ),
    ),
}

# --- The roadmap ------------------------------------------------------------------------------

ROADMAP_INDEX = {
    "slug": "dorozhnaya-karta",
    "title": ("Дорожная карта", "Roadmap"),
    "intro": paragraphs(
        (
            "План мероприятий по внедрению целевой модели наставничества в школе и ход его "
            "выполнения: что сделано, что в работе и что просрочено.",
            "The school's plan for introducing the target model of mentoring and how it is "
            "going: what is done, what is under way and what is overdue.",
        )
    ),
}

ROADMAP = {
    "slug": "2020-2024",
    "title": (
        "Дорожная карта внедрения целевой модели наставничества на 2020–2024 гг.",
        "Roadmap for introducing the target model of mentoring, 2020–2024",
    ),
    "first_year": 2020,
    "last_year": 2024,
    "intro": paragraphs(
        (
            "Дорожная карта утверждена приказом директора в сентябре 2020 года. Статусы "
            "мероприятий отмечает куратор программы.",
            "The roadmap was approved by the head teacher's order in September 2020. The "
            "programme coordinator keeps the events' statuses up to date.",
        )
    ),
}

# By the stage's number as the roadmap gives it.
STAGES_ENGLISH = {
    "I": "Preparing the ground for launching the mentoring programme",
    "II": "Building the base of mentees",
    "III": "Building the base of mentors.",
    "IV": "Training mentors",
    "V": "Forming mentoring groups",
    "VI": "Organising the work of mentoring pairs or groups",
    "VII": "Completing mentoring",
    "VIII": "Reporting on the mentoring programme",
    "IX": "Rewarding mentoring",
}

# By the event's number, without its dot.
EVENTS_ENGLISH = {
    "1": "Agreeing the roadmaps for introducing the target model of mentoring with the "
    "district's social policy department",
    "2": "Developing and approving regulations on the mentoring programme in educational "
    "organisations.",
    "3": "Informing the teaching and parent communities of educational organisations about the "
    "planned mentoring programme",
    "4": "Meeting pupils of School No. 1, Primerny, to tell them about the mentoring programme",
    "5": "Surveying pupils and teachers who wish to take part in the mentoring programme. "
    "Collecting participants' consents to the collection and processing of personal data",
    "6": "Collecting more information about mentees' needs (pupils or teachers) from third "
    "parties: form tutor, psychologist, social worker, parents.",
    "7": "Analysing the data received from mentees and third parties. Building the base of "
    "mentees.",
    "8": "Choosing the forms of mentoring for the current mentoring programme",
    "9": "Assessing mentees against set parameters, for later comparison and for monitoring "
    "the programmes' effect on all participants",
    "10": "Surveying potential mentors who wish to take part in the mentoring programme. "
    "Collecting consents to the collection and processing of personal data",
    "11": "Analysing potential mentors' questionnaires and matching them with mentees' "
    "questionnaires. Building the base of mentors",
    "12": "Assessing mentors against set parameters, for later comparison and for monitoring "
    "the programmes' effect on all participants",
    "13": "Interviewing mentors (with a psychologist in some cases)",
    "14": "Bringing in experts and using recommended materials to train mentors",
    "15": "Training mentors",
    "16": "Organising a group meeting of mentors and mentees",
    "17": "Surveying preferred mentors or mentees after the group meeting",
    "18": "Analysing the group meeting's questionnaires and matching mentors and mentees "
    "into pairs",
    "19": "Informing participants of the pairs and groups formed. Confirming the pairs and "
    "groups by order of the head of the educational organisation",
    "20": "Holding the first (organisational) meeting of mentor and mentee",
    "21": "Holding the second (trial working) meeting of mentor and mentee",
    "22": "Holding a meeting with mentor and mentee to plan their work in the mentoring programme",
    "23": "Regular meetings of mentor and mentee",
    "24": "Timing of feedback from the mentoring programme's participants",
    "25": "Holding the final meeting of mentor and mentee",
    "26": "Holding a final group meeting of all mentoring pairs and groups",
    "27": "Surveying participants. Monitoring their personal satisfaction with the mentoring "
    "programme",
    "28": "Putting the system of rewarding mentors into practice",
    "29": "Holding a ceremony to sum up the mentoring programme and award the best mentors",
    "30": "Monitoring the quality of the mentoring programme",
    "31": "Writing up the results and processes of joint work in the mentoring programme as cases",
    "32": "Publishing the mentoring programme's results and best mentors on the website of "
    "School No. 1, Primerny",
    "33": "Entering the mentoring programme's results into the bases of mentors and mentees",
    "34": "Reporting on the progress of the roadmap's events.",
    "35": "Entering the number of mentoring programme participants according to the federal "
    "statistical reporting forms",
    "36": "Reporting on the indicators of the effectiveness of the target model of mentoring "
    "in the district",
    "37": "Promoting the role of the mentor (media publications, meetings, talks, videos, etc.)",
    "38": "Holding regional events to identify best mentoring practice (competition, "
    "festival, conference)",
    "39": "Setting financial incentives for mentors, including the amount and procedure of "
    "rewards, laid down in a local act of the educational organisation.",
    "40": "Applying non-financial rewards for mentors",
}

# The «Ответственные» and «Сроки» columns, by their text as the roadmap gives it.
ROADMAP_TEXTS_ENGLISH = {
    "Рабочая группа Школы № 1 п. Примерный": "Working group of School No. 1, Primerny",
    "Региональный наставнический центр, отдел образования, Школа № 1 п. Примерный.": (
        "Regional mentoring centre, education department, School No. 1, Primerny."
    ),
    "Региональный наставнический центр, отдел образования, Школа № 1 п. Примерный": (
        "Regional mentoring centre, education department, School No. 1, Primerny"
    ),
    "Администрация Школы № 1 п. Примерный, отдел образования, Региональный наставнический центр": (
        "Administration of School No. 1, Primerny, education department, regional mentoring centre"
    ),
    "Школа № 1 п. Примерный": "School No. 1, Primerny",
    "Заместитель директора по УМР\nЗаместитель директора по ВР": (
        "Deputy head for teaching and methodology\nDeputy head for pastoral work"
    ),
    "Администрация Школы № 1 п. Примерный,\nрабочая группа Школы № 1 п. Примерный": (
        "Administration of School No. 1, Primerny,\nworking group of School No. 1, Primerny"
    ),
    "Отдел образования, образовательные организации": (
        "Education department, educational organisations"
    ),
    "Региональный наставнический центр, Школа № 1 п. Примерный.": (
        "Regional mentoring centre, School No. 1, Primerny."
    ),
    "Департамент образования и науки ЧАО, Региональный наставнический центр, отдел "
    "образования, Школа № 1 п. Примерный.": (
        "Regional department of education and science, regional mentoring centre, education "
        "department, School No. 1, Primerny."
    ),
    "Департамент образования и науки ЧАО, отдел образования, администрация Школы № 1 п. "
    "Примерный.": (
        "Regional department of education and science, education department, administration "
        "of School No. 1, Primerny."
    ),
    "сентябрь-октябрь 2020 г.": "September–October 2020",
    "сентябрь.- октябрь 2020 г.": "September–October 2020",
    "сентябрь - октябрь 2020 г.,\nдалее - ежегодно": "September–October 2020,\nthen yearly",
    "октябрь-ноябрь 2020,\nдалее – ежегодно\nсентябрь": (
        "October–November 2020,\nthen yearly\nin September"
    ),
    "ноябрь –декабрь 2020 г.,\nдалее - ежегодно сентябрь": (
        "November–December 2020,\nthen yearly in September"
    ),
    "ноябрь –декабрь 2020,\nдалее – ежегодно\nсентябрь": (
        "November–December 2020,\nthen yearly\nin September"
    ),
    "декабрь – 2020 г., далее - ежегодно октябрь": "December 2020, then yearly in October",
    "декабрь 2020 г.,\nдалее - ежегодно октябрь": "December 2020,\nthen yearly in October",
    "декабрь 2020 г.,\nдалее - ежегодно - октябрь": "December 2020,\nthen yearly in October",
    "ноябрь –декабрь 2020 г.,\nдалее - по мере необходимости": (
        "November–December 2020,\nthen as needed"
    ),
    "декабрь 2020 г.,\nдалее – по мере необходимости": "December 2020,\nthen as needed",
    "декабрь 2020 г., далее – по мере необходимости": "December 2020, then as needed",
    "октябрь 2020 г., далее – по мере необходимости": "October 2020, then as needed",
    "январь 2021 г.,\nдалее – по мере необходимости": "January 2021,\nthen as needed",
    "февраль 2021 г.,\nдалее – по мере необходимости": "February 2021,\nthen as needed",
    "с февраля 2021 г.\nна регулярной основе\nдо завершения наставничества": (
        "from February 2021\nregularly\nuntil mentoring ends"
    ),
    "регулярно,\nне реже раз в месяц": "regularly,\nat least once a month",
    "в зависимости от продолжительности программы наставничества": (
        "depending on the length of the mentoring programme"
    ),
    "по завершении заключительной групповой встречи": "after the final group meeting",
    "во время торжественного мероприятия для подведения итогов": "at the closing ceremony",
    "май 2021 г., далее – по мере завершения программ": "May 2021, then as programmes end",
    "с 2021 г. ежегодно": "yearly from 2021",
    "ежеквартально до 10 числа, следующего\nза отчетным\n2020-2024г.г.": (
        "quarterly, by the 10th of the month\nafter the reporting quarter\n2020–2024"
    ),
    "ежегодно\nдо 20 января": "yearly\nby 20 January",
    "постоянно": "ongoing",
}

# What the coordinator has marked, by event number: (status, note (ru, en) or None, the day
# it changed). Every other event is done, on its end date or on DONE_WITHOUT_END.
STATUSES = {
    "5": (
        EventStatus.DONE,
        ("Анкеты заполнили 113 учеников и 5 педагогов", "113 pupils and 5 teachers replied"),
        D(2020, 12, 18),
    ),
    "13": (
        EventStatus.IN_PROGRESS,
        (
            "Собеседования с новыми наставниками продолжаются",
            "Interviews with new mentors are still going on",
        ),
        D(2020, 12, 10),
    ),
    "14": (
        EventStatus.PLANNED,
        ("Перенесено на следующий учебный год", "Postponed to the next school year"),
        None,
    ),
    "15": (
        EventStatus.DONE,
        (
            "Обучение прошли 65 наставников: 60 учеников и 5 педагогов",
            "65 mentors trained: 60 pupils and 5 teachers",
        ),
        D(2020, 12, 25),
    ),
    "19": (
        EventStatus.DONE,
        ("Приказом закреплены 65 пар", "65 pairs confirmed by order"),
        D(2021, 1, 29),
    ),
    "23": (
        EventStatus.IN_PROGRESS,
        (
            "Проведено 14 встреч в 2025/26 учебном году",
            "14 meetings held in the 2025/26 school year",
        ),
        D(2021, 2, 1),
    ),
    "24": (
        EventStatus.IN_PROGRESS,
        ("Анкета обратной связи — ежемесячно", "A feedback questionnaire every month"),
        D(2021, 2, 26),
    ),
    "25": (EventStatus.DONE, None, D(2025, 5, 16)),
    "26": (
        EventStatus.CANCELLED,
        (
            "Отменено: итоги подводятся на торжественном мероприятии (п. 29)",
            "Cancelled: the results are summed up at the ceremony (item 29)",
        ),
        D(2021, 4, 12),
    ),
    "27": (EventStatus.DONE, None, D(2025, 5, 20)),
    "28": (EventStatus.DONE, None, D(2025, 5, 23)),
    "29": (
        EventStatus.DONE,
        (
            "Проводится ежегодно в мае; в 2025 году награждены 17 наставников",
            "Held every May; 17 mentors were awarded in 2025",
        ),
        D(2021, 5, 28),
    ),
    "30": (
        EventStatus.IN_PROGRESS,
        (
            "Мониторинг 2025/26 учебного года: первый этап проведён",
            "Monitoring of the 2025/26 school year: the first stage is done",
        ),
        D(2021, 9, 15),
    ),
    "31": (
        EventStatus.IN_PROGRESS,
        ("Описаны 3 кейса, готовятся ещё 2", "3 cases written up, 2 more in preparation"),
        D(2024, 6, 10),
    ),
    "32": (
        EventStatus.DONE,
        (
            "Страницы наставников и кейсы опубликованы на сайте",
            "Mentors' pages and cases are published on the website",
        ),
        D(2025, 6, 2),
    ),
    "33": (EventStatus.PLANNED, None, None),
    "34": (
        EventStatus.IN_PROGRESS,
        ("Не сдан отчёт за IV квартал 2024 г.", "The report for Q4 2024 is not in yet"),
        D(2020, 4, 10),
    ),
    "37": (
        EventStatus.IN_PROGRESS,
        (
            "Две публикации в районной газете и видеоролик о наставниках",
            "Two articles in the district newspaper and a video about mentors",
        ),
        D(2021, 3, 1),
    ),
    "38": (
        EventStatus.CANCELLED,
        (
            "Отменено: региональные мероприятия проводит Региональный наставнический центр, "
            "школа в них участвует",
            "Cancelled: regional events are run by the regional mentoring centre; the school "
            "takes part in them",
        ),
        D(2021, 9, 1),
    ),
    "39": (
        EventStatus.PLANNED,
        (
            "Проект положения о стимулировании на согласовании",
            "The draft regulation on incentives is being agreed",
        ),
        None,
    ),
    "40": (
        EventStatus.DONE,
        (
            "Грамоты и благодарственные письма вручаются ежегодно",
            "Certificates and letters of thanks are presented every year",
        ),
        D(2025, 5, 23),
    ),
}
DONE_WITHOUT_END = D(2024, 5, 31)

# --- Mentors ----------------------------------------------------------------------------------

MENTOR_INDEX = {
    "slug": "nastavniki",
    "title": ("Наши наставники", "Our mentors"),
    "intro": paragraphs(
        (
            "Лучшие наставники школы по итогам учебного года. Их страницы опубликованы с их "
            "письменного согласия, а у учеников младше 18 лет — и с согласия родителей.",
            "The school's best mentors of the school year. Their pages are published with "
            "their written consent and, for pupils under 18, their parents' consent too.",
        )
    ),
}

TEACHER_SCOPE = (
    "Фамилия, имя, отчество, должность, фотография, достижения и цитата — на сайте школы в "
    "разделе «Наставничество» и в школьных новостях"
)
PUPIL_SCOPE = (
    "Фамилия, имя, класс, фотография, достижения и цитата — на сайте школы в разделе "
    "«Наставничество» и в школьных новостях"
)

MENTORS = [
    {
        "slug": "primerova-svetlana",
        "title": ("Светлана Петровна Примерова", "Svetlana Primerova"),
        "position": (
            "Учитель математики, стаж 24 года",
            "Mathematics teacher, 24 years in teaching",
        ),
        "form": "Учитель – учитель",
        "achievements": bullets(
            (
                "С 2021 года наставник пяти молодых учителей математики и информатики; трое "
                "из них остались работать в школе",
                "Since 2021 has mentored five young mathematics and computing teachers; three "
                "of them have stayed at the school",
            ),
            (
                "Руководитель школьного методического объединения учителей "
                "естественно-математического цикла",
                "Heads the school's association of science and mathematics teachers",
            ),
            (
                "Автор памятки для молодого педагога «Первые пять минут урока»",
                "Wrote the young teacher's guide «The first five minutes of a lesson»",
            ),
        ),
        "quote": (
            "Молодому учителю нужен не контролёр, а человек, к которому можно прийти с любым "
            "вопросом.",
            "A young teacher does not need an inspector but someone they can come to with any "
            "question.",
        ),
        "award": ("Наставник года", "Mentor of the Year"),
        "award_year": 2025,
        "is_minor": False,
        "consent_given_by": "Примерова Светлана Петровна",
        "consent_date": D(2025, 5, 20),
        "consent_scope": TEACHER_SCOPE,
        "colour": (38, 124, 121),
        "colour_name": ("бирюзовом", "a teal"),
    },
    {
        "slug": "obrazcov-andrej",
        "title": ("Андрей Викторович Образцов", "Andrey Obraztsov"),
        "position": (
            "Учитель истории и обществознания, классный руководитель 8 «Б» класса",
            "History and social studies teacher, form tutor of class 8B",
        ),
        "form": "Учитель – учитель",
        "achievements": bullets(
            (
                "Наставник двух молодых классных руководителей",
                "Mentor of two young form tutors",
            ),
            (
                "Две его подопечные провели открытые уроки на районном методическом объединении",
                "Two of his mentees gave open lessons at the district teachers' association",
            ),
            ("Ведёт школьный дебатный клуб", "Runs the school debating club"),
        ),
        "quote": (
            "Лучше всего учит урок, который не получился, если разобрать его вместе.",
            "The best teacher is a lesson that went wrong, if you take it apart together.",
        ),
        "award": ("Лучший наставник молодого педагога", "Best Mentor of a Young Teacher"),
        "award_year": 2024,
        "is_minor": False,
        "consent_given_by": "Образцов Андрей Викторович",
        "consent_date": D(2024, 5, 17),
        "consent_scope": TEACHER_SCOPE,
        "colour": (52, 84, 140),
        "colour_name": ("синем", "a blue"),
    },
    {
        "slug": "formulin-maksim",
        "title": ("Максим Формулин", "Maxim Formulin"),
        "position": ("Ученик 11 «Б» класса", "Pupil, class 11B"),
        "form": "Ученик – ученик",
        "achievements": bullets(
            (
                "Подготовил двух восьмиклассников к олимпиаде по физике: оба стали призёрами "
                "школьного этапа",
                "Prepared two eighth-year pupils for the physics olympiad: both won places in "
                "the school round",
            ),
            (
                "Ведёт кружок робототехники для учеников 5–6 классов",
                "Runs a robotics club for pupils in years 5–6",
            ),
        ),
        "quote": (
            "Когда объясняешь тему другому, сам понимаешь её гораздо лучше.",
            "When you explain a topic to someone else, you understand it much better yourself.",
        ),
        "award": ("Лучший наставник-ученик", "Best Pupil Mentor"),
        "award_year": 2025,
        "is_minor": False,
        "consent_given_by": "Формулин Максим Игоревич",
        "consent_date": D(2025, 5, 15),
        "consent_scope": PUPIL_SCOPE,
        "colour": (176, 96, 40),
        "colour_name": ("оранжевом", "an orange"),
    },
    {
        "slug": "zadachkina-polina",
        "title": ("Полина Задачкина", "Polina Zadachkina"),
        "position": ("Ученица 10 «А» класса", "Pupil, class 10A"),
        "form": "Ученик – ученик",
        "achievements": bullets(
            (
                "Помогла трём новичкам из пятых классов освоиться в школе",
                "Helped three newcomers in year five settle in at school",
            ),
            (
                "Ведёт клуб «Математика без страха» для учеников 6–7 классов",
                "Runs the «Maths without fear» club for pupils in years 6–7",
            ),
            (
                "Призёр муниципального этапа олимпиады школьников по математике",
                "Won a place in the municipal round of the mathematics olympiad",
            ),
        ),
        "quote": (
            "Я помню, как страшно было в пятом классе. Теперь я стараюсь быть той, кого мне "
            "тогда не хватало.",
            "I remember how scary year five was. Now I try to be the person I needed then.",
        ),
        "award": ("Лучший наставник-ученик", "Best Pupil Mentor"),
        "award_year": 2026,
        "is_minor": True,
        "consent_given_by": "Задачкина Полина Андреевна",
        "consent_date": D(2026, 5, 18),
        "consent_scope": PUPIL_SCOPE,
        "parent_consent_given_by": "Задачкина Елена Ивановна (мать)",
        "parent_consent_date": D(2026, 5, 18),
        "colour": (132, 62, 120),
        "colour_name": ("сиреневом", "a purple"),
    },
]

# --- Cases ------------------------------------------------------------------------------------

CASE_INDEX = {
    "slug": "kejsy",
    "title": ("Кейсы", "Cases"),
    "intro": paragraphs(
        (
            "Истории наставнических пар и групп: с чего начинали, что делали и чего добились. "
            "Участников мы не называем по именам.",
            "Stories of mentoring pairs and groups: where they started, what they did and "
            "what they achieved. We do not name the participants.",
        )
    ),
}

DEVELOPMENT_PLAN = (
    "plan-razvitiya-molodogo-pedagoga"  # the document shared by a case and the documents page
)

CASES = [
    {
        "slug": "matematika-bez-dvoek",
        "title": (
            "Математика без двоек: ученица 9 класса и ученица 7 класса",
            "Maths without fails: a ninth-year pupil and a seventh-year pupil",
        ),
        "form": "Ученик – ученик",
        "role_model": "Успевающий – неуспевающий",
        "summary": (
            "Пара: ученица 9 класса и ученица 7 класса. За полгода средний балл по алгебре "
            "вырос с 2,9 до 3,8.",
            "A pair: a ninth-year pupil and a seventh-year pupil. In half a year the mentee's "
            "average mark in algebra rose from 2.9 to 3.8.",
        ),
        "problem": paragraphs(
            (
                "К середине первой четверти ученица 7 класса получила пять двоек по алгебре, "
                "перестала делать домашние задания и говорила, что математика — не для неё.",
                "By the middle of the first term the seventh-year pupil had failed five "
                "algebra tests, had stopped doing her homework and said that maths was not "
                "for her.",
            )
        ),
        "goal": paragraphs(
            (
                "За полугодие закрыть пробелы по дробям и уравнениям и учиться по алгебре "
                "без двоек.",
                "Within half a year, fill the gaps in fractions and equations and get no more "
                "fails in algebra.",
            )
        ),
        "what_was_done": bullets(
            (
                "Две встречи в неделю по 40 минут после уроков в школьной библиотеке.",
                "Two 40-minute meetings a week after lessons in the school library.",
            ),
            (
                "Вместе составили карту пробелов по темам 5–6 классов и закрывали их по одной.",
                "Together they mapped the gaps in topics from years 5–6 and closed them one "
                "by one.",
            ),
            (
                "Каждую пятницу — короткий тест; результаты пара отмечала на общем графике.",
                "A short test every Friday; the pair plotted the results on a shared chart.",
            ),
            (
                "Раз в месяц — встреча с учителем математики и куратором программы.",
                "Once a month, a meeting with the mathematics teacher and the programme "
                "coordinator.",
            ),
        ),
        "result": bullets(
            (
                "Средний балл по алгебре вырос с 2,9 до 3,8.",
                "The average mark in algebra rose from 2.9 to 3.8.",
            ),
            (
                "Во втором полугодии — ни одной двойки; пара провела 46 встреч из 48.",
                "Not a single fail in the second half-year; the pair held 46 of 48 meetings.",
            ),
            (
                "Наставляемая записалась в математический кружок.",
                "The mentee joined the maths club.",
            ),
        ),
        "duration": ("6 месяцев", "6 months"),
        "tags": ["успеваемость", "математика"],
    },
    {
        "slug": "novenkie-v-pyatom-klasse",
        "title": (
            "Новенькие в пятом классе: группа адаптации",
            "New in year five: a settling-in group",
        ),
        "form": "Ученик – ученик",
        "role_model": "Адаптированный – неадаптированный",
        "summary": (
            "Группа: два ученика 8 класса и три ученика 5 класса, переехавшие в посёлок. "
            "Пропуски уроков сократились с 11 до 2 дней за четверть.",
            "A group: two eighth-year pupils and three fifth-year pupils who had moved to the "
            "village. Missed school days fell from 11 to 2 a term.",
        ),
        "problem": paragraphs(
            (
                "Трое пятиклассников пришли в школу после переезда семей. Через месяц у них "
                "так и не появилось друзей в классе, они часто пропускали уроки и не ходили "
                "ни в один кружок.",
                "Three fifth-year pupils came to the school after their families moved. A "
                "month later they still had no friends in class, often missed lessons and "
                "went to no clubs.",
            )
        ),
        "goal": paragraphs(
            (
                "Помочь новичкам освоиться в школе и в классе за одну четверть.",
                "Help the newcomers settle in at school and in their class within one term.",
            )
        ),
        "what_was_done": bullets(
            (
                "Наставники провели экскурсию по школе и посёлку и познакомили новичков "
                "с кружками.",
                "The mentors showed the newcomers round the school and the village and "
                "introduced them to the clubs.",
            ),
            (
                "Еженедельные встречи группы: игры на знакомство, помощь с расписанием "
                "и домашними заданиями.",
                "Weekly group meetings: getting-to-know-you games and help with the timetable "
                "and homework.",
            ),
            (
                "Вместе с классным руководителем группа подготовила номер к школьному празднику.",
                "With the form tutor the group prepared a performance for a school celebration.",
            ),
        ),
        "result": bullets(
            (
                "Пропуски уроков без уважительной причины сократились с 11 до 2 дней за четверть.",
                "Unexcused absences fell from 11 to 2 days a term.",
            ),
            (
                "Все трое записались в кружки: двое в спортивную секцию, один в театральную "
                "студию.",
                "All three joined clubs: two a sports club and one the drama studio.",
            ),
            (
                "В анкете все трое ответили, что им спокойно и интересно в классе.",
                "In the questionnaire all three said they felt at ease and interested in class.",
            ),
        ),
        "duration": ("1 четверть", "1 term"),
        "tags": ["адаптация", "новички"],
    },
    {
        "slug": "pervyj-god-v-professii",
        "title": (
            "Первый год в профессии: наставник молодого учителя",
            "First year in the profession: mentoring a young teacher",
        ),
        "form": "Учитель – учитель",
        "role_model": "Опытный педагог – молодой специалист",
        "summary": (
            "Пара: учитель русского языка со стажем 20 лет и молодой учитель русского языка "
            "в первый год работы.",
            "A pair: a Russian language teacher with 20 years' experience and a young Russian "
            "language teacher in the first year at work.",
        ),
        "problem": paragraphs(
            (
                "Молодой учитель пришёл в школу сразу после университета. Ему было трудно "
                "держать дисциплину в 6 классе, уроки не укладывались в 40 минут, а "
                "проверка тетрадей занимала все вечера.",
                "The young teacher came to the school straight from university. Keeping order "
                "in the sixth year was hard, lessons did not fit into 40 minutes and marking "
                "took every evening.",
            )
        ),
        "goal": paragraphs(
            (
                "За учебный год научиться планировать урок по времени, выстроить дисциплину "
                "в классе и сократить время на проверку работ.",
                "Within a school year, learn to plan a lesson to time, establish order in "
                "class and spend less time on marking.",
            )
        ),
        "what_was_done": bullets(
            (
                "Составили индивидуальный план развития на год (образец — в материалах).",
                "They drew up an individual development plan for the year (a sample is in "
                "the materials).",
            ),
            (
                "Взаимопосещение уроков: 18 уроков наставника и 22 урока молодого учителя "
                "с разбором.",
                "Visiting each other's lessons: 18 of the mentor's lessons and 22 of the "
                "young teacher's, each discussed afterwards.",
            ),
            (
                "Вместе разработали систему быстрых проверочных работ и критерии оценивания.",
                "Together they designed quick checks and marking criteria.",
            ),
        ),
        "result": bullets(
            (
                "Доля уроков, проведённых по плану без замечаний, выросла с 40 до 85 %.",
                "The share of lessons taught as planned without remarks rose from 40 to 85%.",
            ),
            (
                "Средний балл классов молодого учителя вырос с 3,7 до 4,1.",
                "The average mark of the young teacher's classes rose from 3.7 to 4.1.",
            ),
            (
                "Учитель остался в школе и выступил на районном конкурсе молодых педагогов.",
                "The teacher stayed at the school and took part in the district competition "
                "for young teachers.",
            ),
        ),
        "duration": ("1 учебный год", "1 school year"),
        "tags": ["молодой педагог", "методика"],
        "materials": [DEVELOPMENT_PLAN],
    },
]

# --- News -------------------------------------------------------------------------------------

NEWS_INDEX = {
    "slug": "novosti",
    "title": ("Новости", "News"),
    "intro": (
        "Новости программы наставничества: наборы участников, встречи, конкурсы и награды.",
        "News of the mentoring programme: calls for participants, meetings, competitions and "
        "awards.",
    ),
}

NEWS = [
    {
        "slug": "itogi-goda-2024",
        "date": D(2024, 5, 24),
        "title": (
            "Итоги года: школа наградила лучших наставников",
            "Year in review: the school honours its best mentors",
        ),
        "lead": (
            "На торжественной линейке директор вручил грамоты 17 наставникам — ученикам "
            "и учителям.",
            "At the end-of-year assembly the head teacher presented certificates to 17 "
            "mentors, pupils and teachers alike.",
        ),
        "body": [
            (
                "Грамоты и благодарственные письма получили 12 наставников-учеников и 5 учителей.",
                "Certificates and letters of thanks went to 12 pupil mentors and 5 teachers.",
            ),
            (
                "Звание «Лучший наставник молодого педагога» получил учитель истории Андрей "
                "Викторович Образцов: две его подопечные провели открытые уроки на районном "
                "методическом объединении.",
                "The title «Best Mentor of a Young Teacher» went to the history teacher Andrey "
                "Obraztsov: two of his mentees gave open lessons at the district teachers' "
                "association.",
            ),
        ],
        "tags": ["награждение", "итоги года"],
        "picture": "star",
        "alt": (
            "Иллюстрация: золотая звезда на синем фоне",
            "Illustration: a gold star on a blue background",
        ),
    },
    {
        "slug": "nabor-2024-2025",
        "date": D(2024, 9, 12),
        "title": (
            "Открыт набор в программу наставничества на 2024/25 учебный год",
            "Mentoring programme open for the 2024/25 school year",
        ),
        "lead": (
            "До 30 сентября ученики 5–11 классов и учителя могут стать наставниками или "
            "попросить наставника.",
            "Until 30 September pupils in years 5–11 and teachers can become mentors or ask "
            "for one.",
        ),
        "body": [
            (
                "Анкеты раздают классные руководители и куратор программы. Ученик младше 18 "
                "лет участвует в программе с согласия родителей.",
                "Form tutors and the programme coordinator hand out the questionnaires. Pupils "
                "under 18 take part with their parents' consent.",
            ),
            (
                "Пары составят в октябре, первые встречи пройдут до осенних каникул.",
                "Pairs will be formed in October, and the first meetings will take place "
                "before the autumn holidays.",
            ),
        ],
        "tags": ["набор участников"],
    },
    {
        "slug": "master-klass-dlya-molodyh-pedagogov",
        "date": D(2025, 1, 28),
        "title": (
            "Мастер-класс для молодых педагогов: как удержать внимание класса",
            "A workshop for young teachers: keeping a class's attention",
        ),
        "lead": (
            "Наставники провели для учителей первых трёх лет работы мастер-класс по "
            "управлению классом.",
            "Mentors ran a class management workshop for teachers in their first three years "
            "at work.",
        ),
        "body": [
            (
                "Шесть молодых педагогов разобрали с наставниками трудные ситуации на уроке и "
                "составили памятку «Первые пять минут урока».",
                "Six young teachers went through difficult classroom situations with their "
                "mentors and put together the guide «The first five minutes of a lesson».",
            ),
            (
                "Следующая встреча школы молодого педагога пройдёт в марте.",
                "The young teachers' school meets again in March.",
            ),
        ],
        "tags": ["молодой педагог", "методика"],
    },
    {
        "slug": "nastavnik-goda-2025",
        "date": D(2025, 5, 23),
        "title": ("Наставник года — 2025", "Mentor of the Year 2025"),
        "lead": (
            "Звание «Наставник года» получила учитель математики Светлана Петровна Примерова, "
            "лучшим наставником-учеником стал Максим Формулин из 11 «Б» класса.",
            "The title «Mentor of the Year» went to the mathematics teacher Svetlana "
            "Primerova, and Maxim Formulin of class 11B was named Best Pupil Mentor.",
        ),
        "body": [
            (
                "Светлана Петровна пятый год работает с молодыми учителями математики и "
                "информатики; трое её подопечных остались работать в школе.",
                "Svetlana Primerova has worked with young mathematics and computing teachers "
                "for five years; three of her mentees have stayed at the school.",
            ),
            (
                "Максим помог двум восьмиклассникам подготовиться к олимпиаде по физике: оба "
                "стали призёрами школьного этапа.",
                "Maxim helped two eighth-year pupils prepare for the physics olympiad: both "
                "won places in the school round.",
            ),
        ],
        "tags": ["награждение"],
    },
    {
        "slug": "starsheklassniki-pomogayut-pyatiklassnikam",
        "date": D(2025, 10, 15),
        "title": (
            "Старшеклассники помогают пятиклассникам освоиться в школе",
            "Older pupils help fifth-years settle in",
        ),
        "lead": (
            "В группах адаптации 24 ученика 8–10 классов сопровождают новичков из пятых классов.",
            "In settling-in groups 24 pupils from years 8–10 look after the newcomers in year "
            "five.",
        ),
        "body": [
            (
                "Наставники показывают, где что находится, помогают разобраться с расписанием "
                "и домашними заданиями и вместе с классными руководителями проводят игры на "
                "знакомство.",
                "The mentors show them where everything is, help with the timetable and "
                "homework and run getting-to-know-you games with the form tutors.",
            ),
            (
                "По опросу в октябре 9 из 10 пятиклассников ответили, что им спокойно и "
                "интересно в новой школе.",
                "In an October survey 9 out of 10 fifth-years said they felt at ease and "
                "interested in their new school.",
            ),
        ],
        "tags": ["адаптация", "ученик – ученик"],
        "picture": "pair",
        "alt": (
            "Иллюстрация: силуэты старшеклассника и пятиклассника на зелёном фоне",
            "Illustration: silhouettes of an older pupil and a fifth-year on a green background",
        ),
    },
    {
        "slug": "rajonnaya-konferenciya-2026",
        "date": D(2026, 3, 5),
        "title": (
            "Опыт школы представлен на районной конференции по наставничеству",
            "The school presents its experience at the district mentoring conference",
        ),
        "lead": (
            "Куратор программы и две наставнические пары рассказали коллегам из других школ "
            "района, как работает программа.",
            "The programme coordinator and two mentoring pairs told colleagues from other "
            "schools in the district how the programme works.",
        ),
        "body": [
            (
                "Участники конференции познакомились с нашей дорожной картой и кейсами. "
                "Больше всего вопросов было о группах адаптации для пятиклассников.",
                "The conference learned about our roadmap and cases. Most questions were about "
                "the settling-in groups for fifth-years.",
            ),
            (
                "Документы программы можно скачать в разделе «Методическая копилка».",
                "The programme's documents can be downloaded from the «Resources» page.",
            ),
        ],
        "tags": ["конференция", "опыт"],
    },
]

# --- Documents --------------------------------------------------------------------------------

DOCUMENTS_PAGE = {
    "slug": "dokumenty",
    "title": ("Методическая копилка", "Resources"),
    "intro": paragraphs(
        (
            "Документы программы наставничества: положение, приказы, шаблоны анкет, дорожная "
            "карта и отчёты. Их можно скачать и использовать в своей школе.",
            "The mentoring programme's documents: the regulation, orders, questionnaire "
            "templates, the roadmap and reports. You may download them and use them in your "
            "own school.",
        )
    ),
}

ROADMAP_DOCUMENT = "dorozhnaya-karta-2020-2024"

# file name: (kind, date, (title ru, en), paragraphs of the generated file, None for the roadmap)
DOCUMENTS = {
    "polozhenie-o-programme-nastavnichestva": (
        DocumentKind.REGULATION,
        D(2020, 9, 15),
        ("Положение о программе наставничества", "Regulation on the mentoring programme"),
        [
            "1. Общие положения. Положение определяет цели, задачи, формы и порядок "
            "реализации программы наставничества в Школе № 1 п. Примерный. Оно разработано "
            "в соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в "
            "Российской Федерации» и распоряжением Минпросвещения России от 25.12.2019 "
            "№ Р-145.",
            "2. Цель программы — раскрытие потенциала каждого наставляемого, его успешная "
            "адаптация в школьном коллективе и профессиональное становление молодых педагогов.",
            "3. Формы наставничества: «ученик – ученик» и «учитель – учитель». Участие в "
            "программе добровольное; несовершеннолетние обучающиеся участвуют с согласия "
            "родителей (законных представителей).",
            "4. Куратор программы формирует базы наставников и наставляемых, готовит приказ о "
            "закреплении пар, проводит мониторинг и готовит отчёты.",
            "5. Лучшие наставники поощряются по итогам учебного года. Сведения о них "
            "публикуются на сайте школы только с их письменного согласия.",
        ],
    ),
    "prikaz-o-naznachenii-kuratora": (
        DocumentKind.ORDER,
        D(2020, 9, 1),
        (
            "Приказ о назначении куратора программы наставничества",
            "Order appointing the mentoring programme's coordinator",
        ),
        [
            "Приказ № 112-о от 01.09.2020",
            "В целях внедрения целевой модели наставничества в Школе № 1 п. Примерный приказываю:",
            "1. Назначить куратором программы наставничества заместителя директора по "
            "учебно-методической работе.",
            "2. Куратору до 1 октября 2020 г. сформировать рабочую группу и представить на "
            "утверждение дорожную карту внедрения целевой модели наставничества.",
            "3. Контроль за исполнением приказа оставляю за собой.",
            "Директор ____________________",
        ],
    ),
    "anketa-nastavnika": (
        DocumentKind.TEMPLATE,
        D(2020, 10, 1),
        ("Анкета наставника", "Mentor questionnaire"),
        [
            "Ответьте, пожалуйста, на вопросы анкеты: ответы помогут подобрать вам наставляемого.",
            "1. Ваша должность или класс: ____________________",
            "2. Был ли у вас опыт наставничества? Какой? ____________________",
            "3. Чем вы готовы помочь наставляемому (учёба, адаптация, профессиональное "
            "развитие, проекты)? ____________________",
            "4. Сколько времени в неделю вы готовы уделять встречам? ____________________",
            "5. Чего вы ждёте от участия в программе? ____________________",
        ],
    ),
    DEVELOPMENT_PLAN: (
        DocumentKind.TEMPLATE,
        D(2021, 8, 30),
        (
            "Индивидуальный план развития молодого педагога (образец)",
            "A young teacher's individual development plan (sample)",
        ),
        [
            "Наставник: ____________________  Наставляемый: ____________________",
            "Сентябрь: знакомство, посещение уроков наставника, составление плана на год.",
            "Октябрь – ноябрь: совместная разработка уроков, взаимопосещение уроков с разбором.",
            "Декабрь – март: самостоятельные открытые уроки, работа с родителями, классное "
            "руководство.",
            "Апрель – май: самоанализ, итоговый открытый урок, выступление на методическом "
            "объединении.",
        ],
    ),
    ROADMAP_DOCUMENT: (
        DocumentKind.PROGRAMME,
        D(2020, 9, 30),
        ROADMAP["title"],
        None,
    ),
    "rasporyazhenie-r-145": (
        DocumentKind.LEGAL_ACT,
        D(2019, 12, 25),
        (
            "Распоряжение Минпросвещения России от 25.12.2019 № Р-145: основные положения",
            "Order of the Ministry of Education No. R-145 of 25 December 2019: key points",
        ),
        [
            "Распоряжением утверждена методология (целевая модель) наставничества "
            "обучающихся для организаций, осуществляющих образовательную деятельность по "
            "общеобразовательным, дополнительным общеобразовательным и программам среднего "
            "профессионального образования.",
            "Целевая модель описывает формы наставничества, роли участников, этапы "
            "реализации программы наставничества и показатели её эффективности.",
            "Это краткое изложение для участников программы, а не официальный текст. "
            "Официальный текст распоряжения — в справочных правовых системах.",
        ],
    ),
    "otchet-2024": (
        DocumentKind.REPORT,
        D(2025, 1, 20),
        (
            "Отчёт о реализации программы наставничества за 2024 год",
            "Report on the mentoring programme for 2024",
        ),
        [
            "В 2024 году в форме «ученик – ученик» работали 150 пар (150 наставников и 270 "
            "наставляемых), в форме «учитель – учитель» — 17 пар.",
            "В программу вовлечено 78 % обучающихся (целевой показатель — 80 %) и 71 % "
            "педагогов (целевой показатель — 70 %).",
            "Средний балл успеваемости наставляемых вырос с 3,4 до 3,9, доля наставляемых, "
            "посещающих кружки и секции, — с 28 до 46 %.",
            "Лучшие практики описаны в виде кейсов и опубликованы на сайте школы.",
        ],
    ),
}

# --- Forms ------------------------------------------------------------------------------------

CONSENT_TEXT = {
    "version": 1,
    "in_force_from": D(2024, 9, 1),
    "title": (
        "Согласие на обработку персональных данных заявителя",
        "Consent to the processing of the applicant's personal data",
    ),
    "summary": (
        "Школа № 1 п. Примерный обрабатывает указанные в форме имя, контакты и сведения об "
        "ученике, чтобы подобрать наставника или наставляемого и связаться с вами. Данные "
        "хранятся в базе данных сайта школы, их видят только кураторы программы; через год "
        "они удаляются. Согласие можно отозвать, написав в школу.",
        "School No. 1, Primerny, processes the name, contacts and details about the pupil "
        "given in the form to find a mentor or mentee and to contact you. The data are kept "
        "in the school website's database, only the programme coordinators see them, and "
        "they are deleted after a year. You may withdraw the consent by writing to the "
        "school.",
    ),
    "text": paragraphs(
        (
            "В соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О "
            "персональных данных» я даю согласие Школе № 1 п. Примерный на обработку "
            "персональных данных, указанных в форме: фамилии, имени, отчества, контактного "
            "телефона, адреса электронной почты, класса ученика.",
            "Under article 9 of Federal Law No. 152-FZ of 27.07.2006 «On personal data», I "
            "consent to School No. 1, Primerny, processing the personal data given in the "
            "form: surname, first name, patronymic, phone number, e-mail address, the pupil's "
            "class.",
        ),
        (
            "Цель обработки — подбор участников программы наставничества и связь с ними. "
            "Действия с данными: сбор, запись, хранение, использование, удаление. "
            "Распространение данных этим согласием не разрешается.",
            "The purpose is to match participants of the mentoring programme and to contact "
            "them. What is done with the data: collection, recording, storage, use, "
            "deletion. This consent does not allow the data to be disseminated.",
        ),
        (
            "Согласие действует один год или до его отзыва письменным заявлением.",
            "The consent is valid for one year or until withdrawn by a written request.",
        ),
    ),
}

NAME_HELP = ("Как к вам обращаться.", "How we should address you.")
CONTACT_HELP = (
    "Телефон или электронная почта: куратор свяжется с вами.",
    "A phone number or e-mail address: the coordinator will contact you.",
)

# Each question: (type, (label ru, en), required, (help ru, en) or None, (choices ru, en) or None)
APPLICATIONS = [
    {
        "slug": "hochu-stat-nastavnikom",
        "title": ("Хочу стать наставником", "I want to become a mentor"),
        "applicant_is_parent": False,
        "intro": paragraphs(
            (
                "Наставником может стать учитель, старшеклассник или выпускник школы. "
                "Оставьте заявку — куратор программы свяжется с вами и пригласит на встречу.",
                "A teacher, an older pupil or a former pupil may become a mentor. Leave an "
                "application and the programme coordinator will contact you and invite you "
                "to a meeting.",
            )
        ),
        "thank_you": paragraphs(
            (
                "Спасибо! Заявка получена. Куратор программы свяжется с вами в течение недели.",
                "Thank you! Your application has arrived. The programme coordinator will "
                "contact you within a week.",
            )
        ),
        "fields": [
            ("singleline", ("Фамилия и имя", "Surname and first name"), True, NAME_HELP, None),
            (
                "singleline",
                ("Как с вами связаться", "How to contact you"),
                True,
                CONTACT_HELP,
                None,
            ),
            (
                "radio",
                ("Кто вы", "Who you are"),
                True,
                None,
                (
                    "Учитель\nУченик 8–11 класса\nВыпускник школы",
                    "A teacher\nA pupil in years 8–11\nA former pupil",
                ),
            ),
            (
                "multiline",
                ("Чем вы хотите помочь", "How you would like to help"),
                False,
                (
                    "Предмет, увлечение, опыт, которым готовы поделиться.",
                    "A subject, a hobby, experience you would share.",
                ),
                None,
            ),
        ],
    },
    {
        "slug": "hochu-nayti-nastavnika",
        "title": ("Хочу найти наставника", "I want to find a mentor"),
        "applicant_is_parent": True,
        "intro": paragraphs(
            (
                "Заявку за ученика подаёт родитель или законный представитель: ученик младше "
                "18 лет участвует в программе с вашего согласия.",
                "A parent or legal guardian applies for the pupil: a pupil under 18 takes "
                "part in the programme with your consent.",
            )
        ),
        "thank_you": paragraphs(
            (
                "Спасибо! Заявка получена. Куратор программы свяжется с вами, чтобы обсудить, "
                "какая поддержка нужна ребёнку.",
                "Thank you! Your application has arrived. The programme coordinator will "
                "contact you to talk about the support your child needs.",
            )
        ),
        "fields": [
            (
                "singleline",
                ("Фамилия и имя родителя", "The parent's surname and first name"),
                True,
                NAME_HELP,
                None,
            ),
            (
                "singleline",
                ("Как с вами связаться", "How to contact you"),
                True,
                CONTACT_HELP,
                None,
            ),
            (
                "dropdown",
                ("Класс ученика", "The pupil's year"),
                True,
                None,
                ("1–4\n5–7\n8–9\n10–11", "1–4\n5–7\n8–9\n10–11"),
            ),
            (
                "multiline",
                ("Какая поддержка нужна", "What support is needed"),
                True,
                (
                    "Учёба, адаптация в новом классе, выбор профессии …",
                    "Studies, settling into a new class, choosing a career …",
                ),
                None,
            ),
        ],
    },
]

QUESTIONNAIRE = {
    "slug": "anketa-udovletvorennosti",
    "title": ("Анкета удовлетворённости наставляемого", "Mentee satisfaction questionnaire"),
    "intro": paragraphs(
        (
            "Анкета анонимная: не пишите в ней своё имя. Ответы помогут нам сделать программу "
            "лучше.",
            "The questionnaire is anonymous: do not write your name in it. Your answers help "
            "us make the programme better.",
        )
    ),
    "thank_you": paragraphs(
        ("Спасибо за ответы!", "Thank you for your answers!"),
    ),
    "fields": [
        (
            "rating_5",
            (
                "Насколько вы довольны работой с наставником?",
                "How satisfied are you with your work with the mentor?",
            ),
            True,
            ("1 — совсем не доволен, 5 — очень доволен.", "1: not at all, 5: very satisfied."),
            None,
        ),
        (
            "rating_10",
            (
                "Насколько вероятно, что вы посоветуете программу другу?",
                "How likely are you to recommend the programme to a friend?",
            ),
            True,
            ("1 — точно нет, 10 — обязательно.", "1: certainly not, 10: certainly."),
            None,
        ),
        (
            "radio",
            ("Как часто вы встречались с наставником?", "How often did you meet your mentor?"),
            True,
            None,
            (
                "Раз в неделю\nРаз в две недели\nРаз в месяц и реже",
                "Once a week\nOnce a fortnight\nOnce a month or less",
            ),
        ),
        (
            "multiline",
            ("Что бы вы изменили в программе?", "What would you change in the programme?"),
            False,
            None,
            None,
        ),
    ],
}

# --- Building ---------------------------------------------------------------------------------


def child(parent, model, slug):
    """`parent`'s child of type `model` with `slug`; for a page type the parent may have only
    one of, the one it has whatever its slug, so that an editor's new slug makes no twin."""
    children = parent.get_children().type(model)
    page = children.filter(slug=slug).first()
    if page is None and model.max_count_per_parent == 1:
        page = children.first()
    return page.specific if page is not None else None


class Section:
    """Builds what is missing; remembers what it created, in the order it did, top-down."""

    def __init__(self, log):
        self.log = log
        self.texts = TranslationMemory()
        self.created = []
        self.documents = {}

    def page(self, parent, model, slug, fields, prepare=None):
        """The child with `slug` under `parent`, created and published if it is missing."""
        page = child(parent, model, slug)
        if page is not None:
            return page
        page = model(slug=slug, locale=parent.locale, **fields)
        if prepare:
            prepare(page)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created.append(page)
        self.log(f"page created: {page.title}")
        return page

    def index(self, parent, model, spec):
        """An index page of the section: a title and an introduction."""
        rich = isinstance(model._meta.get_field("intro"), RichTextField)
        return self.page(
            parent,
            model,
            spec["slug"],
            {
                "title": self.texts.plain(spec["title"]),
                "intro": (self.texts.rich if rich else self.texts.plain)(spec["intro"]),
                "show_in_menus": True,
            },
        )

    def document(self, key):
        """The demo's document `key`: one Wagtail document, shared wherever it is used."""
        if key not in self.documents:
            _kind, _date, (title, _english), text = DOCUMENTS[key]
            Document = get_document_model()
            document = Document.objects.filter(title=title).first()
            if document is None:
                data = ROADMAP_FILE.read_bytes() if text is None else docx_file(title, text)
                document = Document(
                    title=title,
                    file=ContentFile(data, name=f"{key}.docx"),
                    collection=collection_named(SITE_COLLECTION),
                )
                document.file_size = len(data)
                document.file_hash = hash_filelike(io.BytesIO(data))
                document.save()
            self.documents[key] = document
        return self.documents[key]


def build_section(home, programme, log):
    """Build the «Наставничество» section under the Russian `home` page, linked to the
    `programme`, and translate what this run created into English. Returns the landing."""
    section = Section(log)
    texts = section.texts
    landing = section.page(
        home,
        MentoringIndexPage,
        LANDING["slug"],
        {
            "title": texts.plain(LANDING["title"]),
            "intro": texts.rich(LANDING["intro"]),
            "how_to_take_part": texts.rich(LANDING["how_to_take_part"]),
            "programme": programme,
            "show_in_menus": True,
        },
    )
    forms = {form.title: form for form in programme.forms.prefetch_related("role_models")}

    roadmaps = section.index(landing, RoadmapIndexPage, ROADMAP_INDEX)
    build_roadmap(section, roadmaps, programme)

    mentors = section.index(landing, MentorIndexPage, MENTOR_INDEX)
    for spec in MENTORS:
        build_mentor(section, mentors, spec, forms)

    cases = section.index(landing, CaseIndexPage, CASE_INDEX)
    for spec in CASES:
        build_case(section, cases, spec, forms)

    news = section.index(landing, NewsIndexPage, NEWS_INDEX)
    for spec in NEWS:
        build_news(section, news, spec)

    build_documents_page(section, landing)
    build_forms(section, landing, programme)

    english = Locale.objects.get(language_code="en")
    for page in section.created:
        # Top-down: a page's parent is translated before it, unless an editor removed the
        # parent's translation, when the page is left for the translators.
        if page.get_parent().has_translation(english):
            translate(page, english, texts.english)
    if section.created:
        log(f"section translated into English: {len(section.created)} pages")
    return landing


def build_roadmap(section, parent, programme):
    texts = section.texts

    def import_roadmap(page):
        with ROADMAP_FILE.open("rb") as file:
            imported = read_roadmap(file, ROADMAP_FILE.name)
        fill_roadmap(page, imported)
        set_statuses(page.events.all(), texts)
        for stage in page.stages.all():
            texts.plain((stage.title, STAGES_ENGLISH.get(stage.number, stage.title)))
        for event in page.events.all():
            number = event.number.rstrip(".")
            texts.plain((event.title, EVENTS_ENGLISH.get(number, event.title)))
            for text in (event.responsible, event.deadline_text):
                texts.plain((text, ROADMAP_TEXTS_ENGLISH.get(text, text)))
        section.log(
            f"roadmap imported: {len(page.stages.all())} stages, {len(page.events.all())} events"
        )

    return section.page(
        parent,
        RoadmapPage,
        ROADMAP["slug"],
        {
            "title": texts.plain(ROADMAP["title"]),
            "intro": texts.rich(ROADMAP["intro"]),
            "first_year": ROADMAP["first_year"],
            "last_year": ROADMAP["last_year"],
            "programme": programme,
        },
        prepare=import_roadmap,
    )


def set_statuses(events, texts):
    """The coordinator's marks: most events done, some under way or planned (overdue where
    their end has passed), two cancelled."""
    for event in events:
        number = event.number.rstrip(".")
        status, note, on = STATUSES.get(number, (EventStatus.DONE, None, None))
        if status == EventStatus.DONE and on is None:
            on = event.end or DONE_WITHOUT_END
        change_status(event, status, texts.plain(note) if note else None, on=on)


def build_mentor(section, parent, spec, forms):
    texts = section.texts
    name, name_english = spec["title"]
    colour_ru, colour_en = spec["colour_name"]
    alt = texts.plain(
        (
            f"Фото: {name} (заглушка — силуэт на {colour_ru} фоне)",
            f"Photo: {name_english} (a placeholder: a silhouette on {colour_en} background)",
        )
    )

    def add_photo_and_consent(page):
        page.image = image(
            f"Портрет: {name} (заглушка)", alt, portrait(spec["colour"]), f"{page.slug}.png"
        )
        # The signed consent, in the registry: the demo has no scans of it.
        page.consent = Consent.objects.create(
            person=name,
            kind=ConsentKind.DISSEMINATION,
            data_categories=spec["consent_scope"],
            pages=public_path(page, parent),
            conditions=f"Согласие дал(а): {spec['consent_given_by']}.",
            valid_from=spec["consent_date"],
            is_minor=spec["is_minor"],
            parent_name=spec.get("parent_consent_given_by", ""),
        )

    return section.page(
        parent,
        MentorPage,
        spec["slug"],
        {
            "title": texts.plain(spec["title"]),
            "position": texts.plain(spec["position"]),
            "form": forms.get(spec["form"]),
            "image_alt": alt,
            "achievements": texts.rich(spec["achievements"]),
            "quote": texts.plain(spec["quote"]),
            "award": texts.plain(spec["award"]),
            "award_year": spec["award_year"],
        },
        prepare=add_photo_and_consent,
    )


def build_case(section, parent, spec, forms):
    texts = section.texts
    # An editor may have renamed a form or role model since: the case is then left without.
    form = forms.get(spec["form"])
    role_models = form.role_models.all() if form else []
    role_model = next((r for r in role_models if r.title == spec["role_model"]), None)

    def add_tags_and_materials(page):
        page.tags.add(*spec["tags"])
        page.materials = [
            CaseMaterial(
                sort_order=order,
                locale=page.locale,
                document=section.document(key),
                title=texts.plain(DOCUMENTS[key][2]),
            )
            for order, key in enumerate(spec.get("materials", []))
        ]

    return section.page(
        parent,
        CasePage,
        spec["slug"],
        {
            "title": texts.plain(spec["title"]),
            "form": form,
            "role_model": role_model,
            "summary": texts.plain(spec["summary"]),
            "problem": texts.rich(spec["problem"]),
            "goal": texts.rich(spec["goal"]),
            "what_was_done": texts.rich(spec["what_was_done"]),
            "result": texts.rich(spec["result"]),
            "duration": texts.plain(spec["duration"]),
        },
        prepare=add_tags_and_materials,
    )


def build_news(section, parent, spec):
    texts = section.texts
    fields = {
        "title": texts.plain(spec["title"]),
        "date": spec["date"],
        "lead": texts.plain(spec["lead"]),
        "body": [("paragraph", texts.rich(paragraphs(pair))) for pair in spec["body"]],
    }
    if "picture" in spec:
        fields["image_alt"] = texts.plain(spec["alt"])

    def add_tags_and_picture(page):
        page.tags.add(*spec["tags"])
        if "picture" in spec:
            picture = PICTURES[spec["picture"]]()
            page.image = image(page.title, page.image_alt, picture, f"{page.slug}.png")

    return section.page(parent, NewsPage, spec["slug"], fields, prepare=add_tags_and_picture)


def build_documents_page(section, parent):
    texts = section.texts

    def add_documents(page):
        page.documents = [
            DocumentsPageItem(
                sort_order=order,
                locale=page.locale,
                kind=kind,
                document=section.document(key),
                title=texts.plain(title),
                date=date,
            )
            for order, (key, (kind, date, title, _text)) in enumerate(DOCUMENTS.items())
        ]

    return section.page(
        parent,
        DocumentsPage,
        DOCUMENTS_PAGE["slug"],
        {
            "title": texts.plain(DOCUMENTS_PAGE["title"]),
            "intro": texts.rich(DOCUMENTS_PAGE["intro"]),
            "show_in_menus": True,
        },
        prepare=add_documents,
    )


def build_consent_text(english, log):
    """The consent to processing the forms ask for, in Russian and English, once."""
    if ConsentText.objects.exists():
        return
    texts = TranslationMemory()
    consent_text = ConsentText.objects.create(
        locale=Locale.get_default(),
        version=CONSENT_TEXT["version"],
        in_force_from=CONSENT_TEXT["in_force_from"],
        title=texts.plain(CONSENT_TEXT["title"]),
        summary=texts.plain(CONSENT_TEXT["summary"]),
        text=texts.rich(CONSENT_TEXT["text"]),
    )
    translate(consent_text, english, texts.english)
    log(f"consent text created: {consent_text}")


def attach_questions(page, model, questions, texts):
    """Give the form page its questions (`model`: its field class)."""

    def plain(pair):
        return texts.plain(pair) if pair else ""

    page.form_fields = [
        model(
            locale=page.locale,
            sort_order=order,
            field_type=field_type,
            label=plain(label),
            required=required,
            help_text=plain(help_text),
            choices=plain(choices),
        )
        for order, (field_type, label, required, help_text, choices) in enumerate(questions)
    ]


def build_forms(section, parent, programme):
    texts = section.texts
    build_consent_text(Locale.objects.get(language_code="en"), section.log)
    for spec in APPLICATIONS:

        def add_fields(page, spec=spec):
            attach_questions(page, ApplicationFormField, spec["fields"], texts)

        section.page(
            parent,
            ApplicationPage,
            spec["slug"],
            {
                "title": texts.plain(spec["title"]),
                "intro": texts.rich(spec["intro"]),
                "thank_you_text": texts.rich(spec["thank_you"]),
                "applicant_is_parent": spec["applicant_is_parent"],
                "to_address": EMAIL,
            },
            prepare=add_fields,
        )

    def add_questions(page):
        attach_questions(page, QuestionnaireField, QUESTIONNAIRE["fields"], texts)

    section.page(
        parent,
        QuestionnairePage,
        QUESTIONNAIRE["slug"],
        {
            "title": texts.plain(QUESTIONNAIRE["title"]),
            "intro": texts.rich(QUESTIONNAIRE["intro"]),
            "thank_you_text": texts.rich(QUESTIONNAIRE["thank_you"]),
            "programme": programme,
            "monitoring_stage": MonitoringStage.QUALITY,
            "metric_kind": MetricKind.MENTEE_SATISFACTION,
        },
        prepare=add_questions,
    )


# --- Generated files --------------------------------------------------------------------------


def image(title, alt, data, filename):
    Image = get_image_model()
    picture = Image(
        title=title,
        description=alt,
        collection=collection_named(SITE_COLLECTION),
        file=ContentFile(data, name=filename),
        file_size=len(data),
        file_hash=hash_filelike(io.BytesIO(data)),
    )
    picture.save()
    return picture


def png(picture):
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def lighter(colour, amount=90):
    return tuple(min(255, part + amount) for part in colour)


def silhouette(draw, centre, scale, colour):
    """A head and shoulders, `scale` times the size of a portrait's."""
    x, y = centre

    def box(left, top, right, bottom):
        return (x + left * scale, y + top * scale, x + right * scale, y + bottom * scale)

    draw.ellipse(box(-130, -250, 130, 10), fill=colour)
    draw.ellipse(box(-250, 60, 250, 560), fill=colour)


def portrait(colour):
    """An 800×800 placeholder portrait: a light silhouette on a plain background."""
    picture = PillowImage.new("RGB", (800, 800), colour)
    silhouette(ImageDraw.Draw(picture), (400, 400), 1, lighter(colour))
    return png(picture)


def star_picture():
    """Illustration: a gold five-pointed star on a blue background, 1200×800."""
    picture = PillowImage.new("RGB", (1200, 800), (40, 62, 120))
    corners = []
    for index in range(10):  # outer and inner corners in turn, clockwise from the top
        angle = math.pi / 2 - index * math.pi / 5
        radius = 300 if index % 2 == 0 else 120
        corners.append((600 + radius * math.cos(angle), 400 - radius * math.sin(angle)))
    ImageDraw.Draw(picture).polygon(corners, fill=(232, 184, 64))
    return png(picture)


def pair_picture():
    """Illustration: an older and a younger pupil's silhouettes on green, 1200×800."""
    background = (46, 120, 72)
    picture = PillowImage.new("RGB", (1200, 800), background)
    draw = ImageDraw.Draw(picture)
    silhouette(draw, (470, 420), 1, lighter(background, 100))
    silhouette(draw, (800, 530), 0.7, lighter(background, 150))
    return png(picture)


PICTURES = {"star": star_picture, "pair": pair_picture}


def docx_file(title, lines):
    """A small Word document: the school, a title and a few paragraphs."""
    document = docx.Document()
    document.add_paragraph(SCHOOL["full_name"])
    document.add_heading(title, level=1)
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
