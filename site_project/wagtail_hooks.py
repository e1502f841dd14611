from wagtail import hooks

from site_project import school_admin

hooks.register("register_admin_urls", lambda: school_admin.urlpatterns)
hooks.register("register_settings_menu_item", school_admin.add_school_menu_item)
