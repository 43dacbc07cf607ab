"""Hybrid ranking finds what each single method misses; filters apply inside retrieval."""

from __future__ import annotations

import json

import pytest

from minutebook.search.filters import Filters
from minutebook.search.decisions.registers import fts_query
from minutebook.search.ranking.retrieve import query_terms
from minutebook.search.service import BadQuery, Minutebook
from minutebook.settings import load_settings

DISTRACTORS = [
    "Minute DA11/21. The committee discussed the condition of the leisure centre roof and asked for a survey.",
    "Minute DA13/21. Members noted the quarterly budget monitoring report and the forecast overspend on transport.",
    "Minute DA14/21. The panel welcomed the new library opening hours and thanked volunteers.",
    "Minute DB12/20. A question was asked about the timetable for the local plan consultation.",
    "The board received a presentation on childhood immunisation uptake in the east of the borough.",
    "Officers explained the approach to fly-tipping enforcement and the number of fixed penalties issued.",
    "The chair thanked residents who attended the public meeting about the market square.",
    "Minute DA21/12. Members asked how the housing repairs backlog would be reduced before winter.",
    "The annual review of the council's treasury management strategy was noted.",
    "A report on the school meals contract was deferred to the next meeting.",
    "The Pharmaceutical Needs Assessment (PNA) must be published by the first of October.",
]
CODE_PASSAGE = "Minute DA12/21. Lettings policy for community halls was adopted without amendment."
PARAPHRASE_PASSAGE = "Segregated cycle lanes will be built along Harbour Road by 2027."


@pytest.fixture(scope="module")
def library(tmp_path_factory, embedder):
    from minutebook.search.storage.build import build_index

    papers = tmp_path_factory.mktemp("retrieval-papers")
    for n, text in enumerate([*DISTRACTORS, CODE_PASSAGE, PARAPHRASE_PASSAGE]):
        (papers / f"paper-{n:02d}.txt").write_text(text + "\n")
    settings = load_settings(index_dir=tmp_path_factory.mktemp("retrieval-index"))
    build_index([papers], settings, embedder, progress=False)
    return Minutebook(settings, embedder)


def _rank(library, query, mode, phrase, k=3):
    texts = [h.text for h in library.search(query, k=k, mode=mode).results]
    return next((i for i, t in enumerate(texts, start=1) if phrase in t), None)


def test_an_exact_minute_number_is_found_by_lexical_and_hybrid_but_not_dense(library):
    query = "DA12/21"
    assert _rank(library, query, "dense", "DA12/21") is None
    assert _rank(library, query, "lexical", "DA12/21") == 1
    assert _rank(library, query, "hybrid", "DA12/21") is not None


def test_a_paraphrase_is_found_by_dense_and_hybrid_but_not_lexical(library):
    query = "what was promised for cyclists"
    assert _rank(library, query, "lexical", "Segregated cycle lanes") is None
    assert _rank(library, query, "dense", "Segregated cycle lanes") == 1
    assert _rank(library, query, "hybrid", "Segregated cycle lanes") is not None


def test_results_explain_why_they_matched(library):
    top = library.search("community halls lettings", k=1).results[0]
    assert top.match["lexical_rank"] == 1 and "dense_rank" in top.match
    assert set(top.match["terms"]) == {"community", "halls", "lettings"}


def test_filters_apply_inside_retrieval_not_after_the_top_k(library):
    # With k=1 an after-the-fact filter would return nothing: the best match is elsewhere.
    hits = library.search("cycle lanes Harbour Road", k=1, filters=Filters(source="paper-03")).results
    assert [h.source.rsplit("/", 1)[-1] for h in hits] == ["paper-03.txt"]
    for mode in ("lexical", "dense"):
        hits = library.search("timetable", k=5, mode=mode, filters=Filters(source="paper-07")).results
        assert {h.source.rsplit("/", 1)[-1] for h in hits} <= {"paper-07.txt"}


@pytest.mark.parametrize("query", ['"unbalanced', "NEAR(a b)", "a AND OR NOT", "col:value*", "^start", "(((", "-"])
def test_any_string_is_a_safe_lexical_query(library, query):
    library.search(query, k=3, mode="lexical")  # FTS5 syntax in user input must never raise


def test_misspelt_words_are_corrected_to_words_the_papers_use(library):
    result = library.search("pharmacuetical needs asessment", k=1)
    assert result.corrections == {"pharmacuetical": "pharmaceutical", "asessment": "assessment"}
    assert "Pharmaceutical Needs Assessment" in result.results[0].text
    assert library.search("housing repairs", k=1).corrections == {}  # known words are left alone


def test_acronyms_are_expanded_from_their_definitions_in_the_papers(library):
    result = library.search("When is the PNA due", k=1, mode="lexical")
    assert result.expansions == {"PNA": "Pharmaceutical Needs Assessment"}
    assert "published by the first of October" in result.results[0].text


def test_fts_terms_are_quoted_and_stopwords_dropped():
    assert query_terms("What did the Board decide about the PREVENT duty?") == ["board", "decide", "prevent", "duty"]
    assert fts_query(['say"hi']) == '"say""hi"'


def test_bad_dates_and_modes_are_rejected_with_a_reason(library):
    with pytest.raises(BadQuery, match="date_from must be a date"):
        library.search("budget", filters=Filters(date_from="last tuesday"))
    with pytest.raises(BadQuery, match="mode must be one of"):
        library.search("budget", mode="magic")


def test_words_in_most_passages_still_rank_and_rare_ones_weigh_more(library):
    # "minute" opens five of the thirteen fixture passages; "lettings" is in one.
    assert _rank(library, "minute lettings", "lexical", "Lettings policy") == 1
    assert _rank(library, "minute", "lexical", "Minute", k=5) == 1


def test_results_name_their_organisation_and_can_be_filtered_by_it(tmp_path, embedder):
    from minutebook.search.storage.build import build_index
    from minutebook.search.filters import Filters
    from minutebook.search.service import Minutebook
    from minutebook.settings import load_settings

    papers = tmp_path / "papers"
    papers.mkdir()
    for place in ("Barnby", "Eastwick"):
        (papers / f"{place.lower()}.txt").write_text(
            f"{place} Parish Council\nMinutes of the meeting held on 12 March 2024\n\n"
            f"1. Allotments\nThe allotment waiting list in {place} has grown to 40 households.\n"
            f"RESOLVED that the Clerk seeks a second allotment site in {place}.\n")
    settings = load_settings(index_dir=tmp_path / "index")
    build_index([papers], settings, embedder, progress=False)
    library = Minutebook(settings, embedder)
    everything = library.search("allotment waiting list", k=5).results
    assert {hit.organisation for hit in everything} == {"Barnby Parish Council", "Eastwick Parish Council"}
    only = library.search("allotment waiting list", k=5, filters=Filters(organisation="eastwick")).results
    assert only and {hit.organisation for hit in only} == {"Eastwick Parish Council"}
    answer = library.chat([{"role": "user", "content": "How many households wait for an allotment?"}],
                          Filters(organisation="Barnby"))
    assert answer.citations and all(c.organisation == "Barnby Parish Council" for c in answer.citations)
    # The registers name it and filter by it too, and their CSV has a column for it.
    from minutebook.search.decisions.registers import rows_to_csv

    rows = library.register("resolutions", Filters(organisation="Eastwick")).items
    assert [r["citation"]["organisation"] for r in rows] == ["Eastwick Parish Council"]
    assert "organisation" in rows_to_csv(rows).splitlines()[0].split(",")


def test_the_learned_fusion_describes_what_each_ranking_says_of_a_candidate():
    from minutebook.search.ranking import fusion

    rankings = {"lexical": [(1, 10.0), (2, 5.0)], "dense": [(2, 0.8), (3, 0.6)], "context": [(3, 2.0)]}
    texts = {1: "Allotment rents frozen", 2: "Rents for garden plots", 3: "Harbour Road"}
    rows = fusion.describe(rankings, [1, 2, 3], texts, {2: 0.9}, ["allotment", "rents"])
    first, second, third = rows
    assert (first["lexical"], second["lexical"], third["lexical"]) == (1.0, 0.5, 0.0)
    assert first["dense"] == 0.6  # outside the dense candidates: their lowest cosine
    assert second["dense_gap"] == 0.0 and third["dense_gap"] == pytest.approx(0.2)
    assert second["sentence"] == 0.9 and first["sentence"] == 0.6  # no sentence vectors: the passage's cosine
    assert third["context_parts"] == 2.0 and first["context_parts"] == 0.0
    assert third["context_rank"] == 1 / (fusion.RANK_CONSTANT + 1) and third["lexical_rank"] == 0.0
    assert (first["terms"], second["terms"], third["terms"]) == (1.0, 0.5, 0.0)
    assert set(first) == set(fusion.FEATURES)


def test_the_fitted_fusion_weights_match_the_features_and_beat_rank_fusion_held_out():
    import json

    from minutebook.search.ranking import fusion

    weights = json.loads(fusion.WEIGHTS.read_text())
    assert weights["features"] == list(fusion.FEATURES) and len(weights["coef"]) == len(fusion.FEATURES)
    for name, figures in weights["body_held_out"].items():
        assert figures["learned"][1] >= figures["rrf"][1], name  # MRR@10, each body held out


def test_hybrid_search_orders_by_the_learned_fusion_and_can_fall_back_to_rank_fusion(library):
    learned = library.search("what was promised for cyclists", k=5).results
    chances = [hit.score for hit in learned]
    assert all(0 < p < 1 for p in chances) and chances == sorted(chances, reverse=True)
    assert "Segregated cycle lanes" in learned[0].text
    rrf = library.search("what was promised for cyclists", k=5, fusion_method="rrf").results
    assert [h.score for h in rrf] == sorted((h.score for h in rrf), reverse=True)
    assert {h.chunk_id for h in rrf} & {h.chunk_id for h in learned}
    with pytest.raises(ValueError, match="MINUTEBOOK_FUSION"):
        load_settings(fusion="blend")


def test_the_query_adapter_maps_to_unit_vectors_and_refuses_weights_it_cannot_use(tmp_path):
    import json

    import numpy as np

    from minutebook.search.ranking import query_adapter

    vector = np.array([0.6, 0.8, 0.0], dtype=np.float32)
    still = query_adapter.QueryAdapter(np.zeros((3, 1), np.float32), np.zeros((3, 1), np.float32))
    assert np.allclose(still(vector), vector)  # no map: the model's own vector
    tilted = query_adapter.QueryAdapter(np.array([[0.0], [0.0], [1.0]], np.float32), np.array([[1.0], [0.0], [0.0]], np.float32))
    mapped = tilted(vector)
    assert np.isclose(np.linalg.norm(mapped), 1.0) and mapped[2] > 0.4  # the first axis pulls in the third
    weights = tmp_path / "adapter.json"
    weights.write_text(json.dumps({"u": [[0.0], [0.0], [1.0]], "v": [[1.0], [0.0], [0.0]], "embedder": "toy-model:ab12"}))
    assert query_adapter.load(weights, model_id="toy-model:ab12") is not None
    assert query_adapter.load(weights, model_id="toy-model:ab12:int8") is not None  # the same model quantised
    assert query_adapter.load(weights, model_id="other-model:cd34") is None  # fitted to another model's vectors
    assert query_adapter.load(tmp_path / "missing.json") is None
    weights.write_text("{not json")
    assert query_adapter.load(weights) is None


def test_the_fitted_query_adapter_suits_the_model_and_beats_its_vectors_held_out(embedder):
    import json

    from minutebook.search.ranking import query_adapter

    assert query_adapter.load(model_id=embedder.model_id) is not None
    weights = json.loads(query_adapter.WEIGHTS.read_text())
    assert not any("blind" in name or "fresh" in name for name in weights["fitted_on"]["sets"])
    overall = weights["body_held_out"]["all"]
    assert overall["mapped"][0] > overall["model"][0] and overall["mapped"][1] > overall["model"][1]  # recall@5, MRR@10


def test_search_reads_the_mapped_query_and_chat_the_models_own(library, embedder):
    import numpy as np

    query = "what was promised for cyclists"
    plain = embedder.encode([query])[0]
    assert library.encode.adapter is not None
    assert np.allclose(library.encode.plain(query), plain)
    assert not np.allclose(library.encode(query), plain)
    off = Minutebook(load_settings(index_dir=library.settings.index_dir, query_adapter=False), embedder)
    assert off.encode.adapter is None and np.allclose(off.encode(query), plain)
    assert "Segregated cycle lanes" in off.search(query, k=3).results[0].text
    assert "Segregated cycle lanes" in library.search(query, k=3).results[0].text


def test_the_benchmarks_keep_each_questions_rank_and_answer(library, tmp_path):
    from minutebook.search.evaluate import load_questions, run_benchmark, run_chat_benchmark

    path = tmp_path / "questions.json"
    path.write_text(json.dumps([
        {"id": "h1", "question": "Where will the segregated cycle lanes be built?", "category": "fact",
         "evidence": [{"source": "paper-12.txt", "snippet": "cycle lanes will be built along Harbour Road"}],
         "answer_keywords": ["Harbour Road"]},
        {"id": "h2", "question": "How many ferries did the harbour board buy in 2019?", "category": "unanswerable",
         "evidence": [], "answer_keywords": []},
    ]))
    questions = load_questions(path)
    ranks = run_benchmark(library, questions, modes=("hybrid",))["ranks"]["hybrid"]
    assert list(ranks) == ["h1"] and ranks["h1"] == 1
    answers = {a["id"]: a for a in run_chat_benchmark(library, questions)["answers"]}
    assert answers["h1"]["found"] and answers["h1"]["cited"] and answers["h1"]["facts"] == 1.0
    assert answers["h1"]["page_cited"]  # holding the snippet is citing it, wherever the page
    assert not answers["h2"]["found"] and "facts" not in answers["h2"]


def test_a_citation_cites_the_page_it_shows_and_the_pages_its_passage_runs_on_to():
    from minutebook.search.chat.answer import Citation
    from minutebook.search.evaluate import Evidence, cites_page

    citation = Citation(n=1, text="... the lease runs to 2031. Rent is reviewed every five years.", chunk_id=7,
                        source="papers/quay/board-2024-05.pdf", document_id="d", document_title="Board",
                        page=4, page_breaks=[[30, 5]])
    snippet = "Rent is reviewed every five years and the Quay"  # cut by the passage's end
    assert cites_page(citation, Evidence("quay/board-2024-05.pdf", snippet, 4))
    assert cites_page(citation, Evidence("quay/board-2024-05.pdf", snippet, 5))
    assert not cites_page(citation, Evidence("quay/board-2024-05.pdf", snippet, 6))
    assert not cites_page(citation, Evidence("quay/board-2024-06.pdf", snippet, 4))
    assert not cites_page(citation, Evidence("quay/board-2024-05.pdf", snippet, None))
