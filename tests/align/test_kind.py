"""The comparison kind is inferred from the two sides' metadata."""

from plandiff.align import infer_kind
from plandiff.model import ComparisonKind, DocumentKind, DocumentMeta


def _meta(
    doc_id: str, place: str, period: int, kind: DocumentKind, parent: str | None = None
) -> DocumentMeta:
    return DocumentMeta(doc_id, f"{doc_id}.txt", place=place, period=period, kind=kind, parent=parent)


def test_infer_kind_same_place_two_periods_is_version() -> None:
    old = [_meta("a", "昆山市", 14, DocumentKind.PLAN)]
    new = [_meta("b", "昆山市", 15, DocumentKind.PLAN)]
    assert infer_kind(old, new) is ComparisonKind.VERSION


def test_infer_kind_recommendations_and_plan_of_one_place_is_hierarchy() -> None:
    old = [_meta("a", "苏州市", 15, DocumentKind.RECOMMENDATIONS)]
    new = [_meta("b", "苏州市", 15, DocumentKind.PLAN)]
    assert infer_kind(old, new) is ComparisonKind.HIERARCHY


def test_infer_kind_parent_document_is_hierarchy() -> None:
    old = [_meta("suzhou", "苏州市", 15, DocumentKind.RECOMMENDATIONS)]
    new = [_meta("kunshan", "昆山市", 15, DocumentKind.PLAN, parent="suzhou")]
    assert infer_kind(old, new) is ComparisonKind.HIERARCHY


def test_infer_kind_place_inside_the_other_is_hierarchy() -> None:
    old = [_meta("a", "苏州市", 14, DocumentKind.PLAN)]
    new = [_meta("b", "苏州市吴江区", 14, DocumentKind.PLAN)]
    assert infer_kind(old, new) is ComparisonKind.HIERARCHY


def test_infer_kind_two_places_is_peer() -> None:
    old = [_meta("a", "吴江区", 14, DocumentKind.PLAN)]
    new = [_meta("b", "昆山市", 14, DocumentKind.INTERPRETATION)]
    assert infer_kind(old, new) is ComparisonKind.PEER


def test_upper_side_is_the_recommendations_or_the_parent_whichever_side_it_is_on() -> None:
    from plandiff.align import upper_is_old

    plan = [_meta("kunshan", "昆山市", 15, DocumentKind.PLAN, parent="suzhou")]
    recommendations = [_meta("suzhou", "苏州市", 15, DocumentKind.RECOMMENDATIONS)]
    assert upper_is_old(recommendations, plan) and not upper_is_old(plan, recommendations)
    city, county = (
        [_meta("s", "苏州市", 15, DocumentKind.PLAN)],
        [_meta("w", "苏州市吴江区", 15, DocumentKind.PLAN)],
    )
    assert upper_is_old(city, county) and not upper_is_old(county, city)
