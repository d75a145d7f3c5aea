"""The partner map's geometry: projection, bounds and label placement (no database)."""

from types import SimpleNamespace

from partners.maps import (
    EAST,
    END,
    HEIGHT,
    NORTH,
    SOUTH,
    START,
    WEST,
    WIDTH,
    label_box,
    map_points,
    overlap,
    project,
)


def partner(title, latitude, longitude):
    return SimpleNamespace(title=title, latitude=latitude, longitude=longitude)


def test_projection_puts_the_corners_and_the_middle_in_place():
    assert project(NORTH, WEST) == (0, 0)
    assert project(SOUTH, EAST) == (WIDTH, HEIGHT)
    assert project((NORTH + SOUTH) / 2, (WEST + EAST) / 2) == (WIDTH / 2, HEIGHT / 2)


def test_projection_accepts_decimals_and_strings():
    # Model fields are Decimals; the projection must not care.
    assert project("47.5", "12") == project(47.5, 12.0) == (480, 320)


def test_points_outside_the_map_or_without_coordinates_are_left_out():
    partners = [
        partner("Reykjavík", 64.1466, -21.9426),
        partner("Cairo", 30.0444, 31.2357),
        partner("Tbilisi", 41.7151, 44.8271),
        partner("Nowhere", None, None),
        partner("Lyon", 45.764, 4.8357),
    ]
    assert [point.partner.title for point in map_points(partners)] == ["Lyon"]


def test_leipzig_and_wroclaw_labels_do_not_overlap():
    leipzig = partner("Leipzig", 51.3397, 12.3731)
    wroclaw = partner("Wrocław", 51.1079, 17.0385)
    first, second = map_points([leipzig, wroclaw])
    assert overlap(label_box(first, first.side), label_box(second, second.side)) == 0
    # Nor does either label cover the other city's dot.
    for point, other in [(first, second), (second, first)]:
        left, top, right, bottom = label_box(point, point.side)
        assert not (left <= other.x <= right and top <= other.y <= bottom)


def test_labels_of_lone_points_go_to_the_right():
    (point,) = map_points([partner("Lyon", 45.764, 4.8357)])
    assert point.side == END
    assert (point.label_anchor, point.label_dx) == ("start", 14)


def test_a_label_near_the_east_edge_goes_to_the_left():
    (point,) = map_points([partner("Larnaca", 34.9182, 33.6201)])
    assert point.side == START
    assert (point.label_anchor, point.label_dx) == ("end", -14)
    left, _, right, _ = label_box(point, point.side)
    assert left >= 0 and right <= WIDTH


def test_every_label_of_a_crowded_map_stays_inside_it():
    partners = [
        partner("Cork", 51.8985, -8.4756),
        partner("Leipzig", 51.3397, 12.3731),
        partner("Wrocław", 51.1079, 17.0385),
        partner("Cluj-Napoca", 46.7712, 23.6236),
        partner("Thessaloniki", 40.6401, 22.9444),
        partner("Nicosia", 35.1856, 33.3823),
    ]
    for point in map_points(partners):
        left, _, right, _ = label_box(point, point.side)
        assert left >= 0 and right <= WIDTH, point.partner.title
