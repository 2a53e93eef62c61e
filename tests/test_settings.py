import pytest

from newscheck.errors import SettingsError
from newscheck.settings import Settings, load_settings, to_toml


def test_defaults_round_trip_through_toml(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(to_toml(Settings()))
    assert load_settings(path) == Settings()


def test_file_overrides_only_the_keys_it_names(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text("[stories]\nthreshold = 0.7\n[copies]\nnum_perm = 64\n")
    s = load_settings(path)
    assert s.stories.threshold == 0.7
    assert s.copies.num_perm == 64
    assert s.stories.embedding_weight == Settings().stories.embedding_weight
    assert s.align == Settings().align


def test_int_is_accepted_for_a_float_setting(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text("[stories]\nthreshold = 1\n")
    assert load_settings(path).stories.threshold == 1.0


@pytest.mark.parametrize(
    "text, message",
    [
        ("[stories]\nthreshhold = 0.7\n", "unknown setting 'stories.threshhold'"),
        ("[storys]\nthreshold = 0.7\n", "unknown setting 'storys'"),
        ("[stories]\nthreshold = 'high'\n", "must be float"),
        ("stories = 3\n", "is a section"),
        ("[stories\n", "not valid TOML"),
    ],
)
def test_bad_settings_are_rejected_with_a_reason(tmp_path, text, message):
    path = tmp_path / "s.toml"
    path.write_text(text)
    with pytest.raises(SettingsError, match=message):
        load_settings(path)


def test_missing_file_is_a_settings_error(tmp_path):
    with pytest.raises(SettingsError, match="not found"):
        load_settings(tmp_path / "nope.toml")


def test_flag_overrides_come_last(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text('[models]\nembedder = "minilm-onnx"\n')
    assert load_settings(path, **{"models.embedder": "hashing"}).models.embedder == "hashing"
