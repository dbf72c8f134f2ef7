"""Score tables (评分表、自评表): 分值 and 得分 read in every layout real reports come in, from
Word and PDF grids to text flattened, glued, run into one line or written as an outline."""
