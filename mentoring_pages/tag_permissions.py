"""Who changes a tag. Tags are one vocabulary for every school (a name is unique within a
language), put on the news and cases of all of them: a school's staff rename, translate or
delete only the tags that no other school's page carries, since the change would reach that
school's pages. Reading and adding tags stay as the roles give them (programmes/roles.py)."""

from wagtail.models import Page

from programmes.school_admin import InstancePermissionPolicy
from programmes.schools import pages_of, schools_changed_by

from .models import CaseTag, NewsTag

# What a change of one tag reaches beyond it.
CHANGING_ACTIONS = {"change", "delete"}


def carried_beyond_schools_of(user):
    """The translation keys of the tags that a page outside the user's schools carries."""
    beyond = Page.objects.exclude(pages_of(schools_changed_by(user))).values("pk")
    keys = [
        tagged.objects.filter(content_object_id__in=beyond).values("tag__translation_key")
        for tagged in (NewsTag, CaseTag)
    ]
    return keys[0].union(*keys[1:])


class SharedTagPermissionPolicy(InstancePermissionPolicy):
    def instances_user_has_any_permission_for(self, user, actions):
        tags = self.model._default_manager.all()
        permitted = {action for action in actions if self.user_has_permission(user, action)}
        if not permitted:
            return tags.none()
        if user.is_superuser or permitted - CHANGING_ACTIONS:
            return tags
        return tags.exclude(translation_key__in=carried_beyond_schools_of(user))
