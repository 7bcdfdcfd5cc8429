package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A how-to in a ComfyUI session is answered the ComfyUI way: the failure is Comfy-Org/ComfyUI#1781
 * (traces/comfyui-1781-control-lora-vaedecode-6gib.txt, SDXL with a control-LoRA on a 6 GB RTX 2060), the questions
 * are trial21's (defect 8: "how do I enable tiled VAE decoding?" got diffusers' pipe.enable_vae_tiling()).
 */
class AppFirstTest {
    private static Conversation inComfyUi() throws Exception {
        Conversation c = new Conversation();
        c.respond(Files.readString(Path.of("src/test/resources/traces/comfyui-1781-control-lora-vaedecode-6gib.txt"))
                + "\nI'm on an RTX 2060 6GB running SDXL with a control-lora in ComfyUI");
        return c;
    }

    @Test
    void tiledDecodingIsComfyUisNodeBeforeAnyLibraryCall() throws Exception {
        String s = inComfyUi().respond("how do I enable tiled VAE decoding?").text();
        int node = s.indexOf("VAE Decode (Tiled)");
        assertTrue(node >= 0 && (s.indexOf("enable_vae_tiling") < 0 || node < s.indexOf("enable_vae_tiling")), s);
    }

    @Test
    void aLibraryNamedByItsOwnNameIsAnsweredForThatLibrary() throws Exception {
        String s = inComfyUi().respond("how do I do tiled decoding in diffusers instead?").text();
        int library = s.indexOf("enable_vae_tiling");
        assertTrue(library >= 0 && (s.indexOf("VAE Decode (Tiled)") < 0 || library < s.indexOf("VAE Decode (Tiled)")),
                s);
    }

    @Test
    void aSettingWithoutAComfyUiWayIsSaidToHaveNone() throws Exception {
        String s = inComfyUi().respond("how do I offload the model to the CPU?").text();
        assertTrue(s.startsWith(Messages.get("howto.app.unknown", "ComfyUI")), s);
    }
}
