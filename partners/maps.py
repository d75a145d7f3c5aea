"""A map of partners drawn by the site itself: no tiles, no third-party requests."""

from dataclasses import dataclass

# Longitude and latitude spanned by the map: Europe from Ireland to Cyprus.
WEST, EAST, SOUTH, NORTH = -12.0, 36.0, 33.0, 62.0
WIDTH, HEIGHT = 960, 640

# Label geometry, in map units; partner_map.html and map.css draw with the same numbers.
DOT_RADIUS = 9  # the circle's r; its white ring adds a little more
LABEL_GAP = 14  # dx between the dot's centre and the label's near edge
CHAR_WIDTH = 12.5  # a generous average glyph width at font-size 22
LABEL_ABOVE, LABEL_BELOW = 12, 10  # label box around the dot's centre (baseline at dy=5)

# Label sides: "end" puts the label to the right of the dot, "start" to the left.
END, START = "end", "start"


@dataclass
class MapPoint:
    partner: object
    x: float
    y: float
    side: str = END

    @property
    def label_anchor(self):
        """SVG text-anchor: a label on the right starts at the dot, one on the left ends there."""
        return "start" if self.side == END else "end"

    @property
    def label_dx(self):
        return LABEL_GAP if self.side == END else -LABEL_GAP


def project(latitude, longitude):
    """Equirectangular projection of a point into the map's SVG coordinates."""
    x = (float(longitude) - WEST) / (EAST - WEST) * WIDTH
    y = (NORTH - float(latitude)) / (NORTH - SOUTH) * HEIGHT
    return round(x, 1), round(y, 1)


def map_points(partners):
    points = []
    for partner in partners:
        if partner.latitude is None or partner.longitude is None:
            continue
        x, y = project(partner.latitude, partner.longitude)
        if 0 <= x <= WIDTH and 0 <= y <= HEIGHT:
            points.append(MapPoint(partner, x, y))
    place_labels(points)
    return points


def label_box(point, side):
    """The rectangle (left, top, right, bottom) a point's label covers on one side."""
    width = len(str(point.partner.title)) * CHAR_WIDTH
    if side == END:
        left, right = point.x + LABEL_GAP, point.x + LABEL_GAP + width
    else:
        left, right = point.x - LABEL_GAP - width, point.x - LABEL_GAP
    return left, point.y - LABEL_ABOVE, right, point.y + LABEL_BELOW


def dot_box(point):
    r = DOT_RADIUS + 2  # the white ring around the dot
    return point.x - r, point.y - r, point.x + r, point.y + r


def overlap(a, b):
    """The area shared by two rectangles (left, top, right, bottom)."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return max(width, 0) * max(height, 0)


def label_cost(point, side, points):
    """How badly a label on this side collides: with the map's edges, other dots, other labels."""
    box = label_box(point, side)
    outside = max(0 - box[0], 0) + max(box[2] - WIDTH, 0)
    cost = outside * 1000  # leaving the map is worse than touching a neighbour
    for other in points:
        if other is not point:
            cost += overlap(box, dot_box(other)) * 2  # hiding a dot is worse than a label
            cost += overlap(box, label_box(other, other.side))
    return cost


def place_labels(points, rounds=5):
    """Put each label on the side of its dot where it collides least.

    Greedy: every label starts on the right; then, a few times over, each label moves
    to the left if that collides less with the map's edges and the other dots and
    labels as they stand. It stops as soon as a round moves nothing.
    """
    for point in points:
        point.side = END
    for _ in range(rounds):
        moved = False
        for point in points:
            here = label_cost(point, point.side, points)
            other_side = START if point.side == END else END
            if label_cost(point, other_side, points) < here:
                point.side = other_side
                moved = True
        if not moved:
            break
    return points


def graticule():
    """Lines every 5 degrees, so that positions read as places."""
    meridians = [project(NORTH, lon)[0] for lon in range(-10, 36, 5)]
    parallels = [project(lat, WEST)[1] for lat in range(35, 62, 5)]
    return meridians, parallels
