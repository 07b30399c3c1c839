-- overklaganden per unit (AppealFigures): each appeal of the period finds its client's unit of now in the decision's
-- fact (figure_decision.unit, kept by metrics/FigureFacts) by an index-only look-up, instead of reading decision,
-- application and client (issue #14 point 3: 7 000 appeals a year at 1.86 million decisions). Portable SQL.
create index figure_decision_unit on figure_decision (decision_id, unit);
