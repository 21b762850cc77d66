"""Views: what each macro prints, from the model to Markdown or HTML.

One module per kind of output. Each view takes a `render.Context` (the data
and the page it renders for) and the macro's arguments, reads data only
through the context's `site`, and hands HTML-shaped output to a template in
`roadmap/templates/`. `roadmap.registry` lists which view answers which macro.
"""
