# The workflows, one line each, in order: the order of the tabs under 登记, of
# the snapshot's sections and of the office's exports. This list is the only
# shared file a new workflow edits (besides its own folders): everything
# else is registered from it by cmake/workflow_registry.cmake, which writes
# the include lists and X-macro lists the registrations expand (README,
# "Adding a workflow").
set(BUTLER_WORKFLOWS
  rounds
  tickets
  keys
  handover
  incidents
  renovation
  mail
  visitors
  outages
  setup
)
