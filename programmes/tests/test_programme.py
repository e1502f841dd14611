"""What a programme's page lists from the fields editors write one item per line."""

from programmes.models import ManagementRole, ProgrammeStage

WRITTEN = "Подбор наставников\n\n   \nОбучение наставников\n"
ITEMS = ["Подбор наставников", "Обучение наставников"]


def test_a_roles_responsibilities_are_its_lines_without_the_blank_ones():
    assert ManagementRole(responsibilities=WRITTEN).responsibility_list == ITEMS


def test_a_stages_activities_are_its_lines_without_the_blank_ones():
    assert ProgrammeStage(activities=WRITTEN).activity_list == ITEMS
