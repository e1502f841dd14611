"""The curator's board in the admin: the events of every roadmap a user may edit, with their
statuses, changed for one or many events at once.

- permissions: which roadmaps a user may edit, hence sees on the board
- filters: the board's filters, read from the query string
- forms: the bulk change and the choice of a quarterly report
- listing: what the board lists, and the deadlines the dashboard and the reminders list
- changes: the bulk change itself (revisions, publishing, moderation, locks) and its messages
- views: the admin views, the menu item and the dashboard panel"""
