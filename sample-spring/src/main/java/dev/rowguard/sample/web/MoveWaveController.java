package dev.rowguard.sample.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Records discovered assets and their dependencies together. */
@RestController
class MoveWaveController {
  private final MoveWaves waves;

  MoveWaveController(MoveWaves waves) {
    this.waves = waves;
  }

  @PostMapping("/waves")
  @ResponseStatus(HttpStatus.CREATED)
  List<AssetView> record(@RequestBody MoveWave wave) {
    return waves.record(wave);
  }
}
