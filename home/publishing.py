"""Who may make a page, or a record with drafts (a programme), live: the one rule, on every
path, in every language.

A page becomes live — published, published on schedule, reverted, copied or aliased live, or
translated and published by wagtail-localize — only when the person doing it may publish it
(Wagtail's page permissions, which the roles in programmes.roles grant). Editors' pages reach
that person through the moderation workflow, whose approval publishes as the moderator.
The rule is checked as a live page row is about to be written, which every way in goes
through (the page editor, bulk actions, copy, alias, revert, wagtail-localize's submit,
update and sync, the admin API); Wagtail's own views check the same permission before,
and wagtail-localize's views do not. Without a request (a command, the cron job of
scheduled publishing, which publishes what someone allowed approved) the operator acts.

Text typed into a translation, or an override chosen (another picture), by someone who may
not publish it is a draft until someone who may publishes the translation: publishing the
source page does not carry it live."""

from django.contrib import messages
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.models import DraftStateMixin, Page
from wagtail.permissions import policy_registry

from .acting_user import acting_user, current_request


class NotAllowedToPublish(PublishPermissionError):
    """A page refused to go live: the person may not publish it."""


def may_publish(user, obj):
    """Whether `user` may make `obj` live: a page (or a page not yet saved, under its
    parent), or a record with drafts (a programme) whose publishing the record's permission
    policy grants them in one of its languages (a translation not yet saved has none)."""
    if isinstance(obj, Page):
        if obj.pk is None:
            return obj.get_parent().permissions_for_user(user).can_publish_subpage()
        return obj.permissions_for_user(user).can_publish()
    versions = obj.get_translations(inclusive=True)
    publishable = policy_registry.get_by_type(type(obj)).instances_user_has_any_permission_for(
        user, ["publish"]
    )
    return publishable.filter(pk__in=versions.values("pk")).exists()


def save_draft(page, user, clean=True):
    """A new draft revision of `page` (its latest revision as an object, changed), logged as
    `user`'s. A page that is not live keeps its draft in its rows too, as Wagtail's page
    editor does: what reads the rows (the roadmap board, reminders, counts) sees the draft."""
    if not page.live:
        page.save(clean=clean)
    return page.save_revision(user=user, log_action=True, clean=clean)


def shows_new_content(obj):
    """Whether writing the live `obj` whole puts something new before visitors: a new page
    does, and so does any page but an alias, whose content follows its source's (checked
    when that was published). wagtail-localize writes a translation's new text into the
    live row even when it saves a draft."""
    return obj.pk is None or not getattr(obj, "alias_of_id", None)


@receiver(pre_save)
def refuse_publication_without_permission(sender, instance, raw=False, update_fields=None, **kw):
    if raw or not isinstance(instance, Page | DraftStateMixin) or not instance.live:
        return
    if update_fields is not None and not {"live", "live_revision"} & set(update_fields):
        return
    user = acting_user()
    if user is None or not shows_new_content(instance) or may_publish(user, instance):
        return
    reason = _(
        "You may not publish «%(page)s»: it was not published. Submit it for moderation or "
        "ask someone who may publish it."
    ) % {"page": instance}
    # The admin answers a refusal with a redirect and a message of its own: say why too.
    messages.error(current_request.get(), reason, fail_silently=True)
    raise NotAllowedToPublish(reason)


def has_unreviewed_text(translation, target):
    """Whether the translation holds strings typed, or overrides chosen (another picture,
    another link), since `target` (the translated page) was last published, by someone who
    may not publish it."""
    from wagtail_localize.models import OverridableSegment, SegmentOverride, StringTranslation

    typed = StringTranslation.objects.filter(
        translation_of__segments__source=translation.source,
        locale=translation.target_locale,
        last_translated_by__isnull=False,
    )
    overridden = SegmentOverride.objects.filter(
        context__in=OverridableSegment.objects.filter(source=translation.source).values("context"),
        locale=translation.target_locale,
        last_translated_by__isnull=False,
    )
    if target.last_published_at:
        typed = typed.filter(updated_at__gt=target.last_published_at)
        overridden = overridden.filter(updated_at__gt=target.last_published_at)
    translators = {
        change.last_translated_by
        for changes in (typed, overridden)
        for change in changes.select_related("last_translated_by")
    }
    return any(not may_publish(translator, target) for translator in translators)
