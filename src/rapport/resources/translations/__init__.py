"""Qt Linguist catalogs: rapport_<lang>.ts (sources) and the compiled rapport_<lang>.qm."""
