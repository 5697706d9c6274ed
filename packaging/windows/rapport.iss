; Rapport for Windows: Inno Setup 6 script, per-machine, silent-capable.
; NOT BUILT OR RUN HERE (no Windows host): see packaging/README.md.
;
; Build (on Windows, after `uv run pyinstaller packaging\rapport.spec` made dist\rapport\):
;   iscc /DAppVersion=0.1.0 packaging\windows\rapport.iss
; Silent install by IT, with the policy written from parameters:
;   rapport-setup-0.1.0.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /HUBURL=https://hub.corp.example
;       [/CABUNDLE=C:\certs\corp-ca.pem] [/TABLET=1] [/DEMO=0] [/UPDATECHECK=0]
;       [/CHANNELS=phone,email] [/RETENTIONDAYS=90]
;   or /POLICY=\\server\share\rapport-policy.toml to copy a whole policy file instead.
; Silent uninstall: "C:\Program Files\Rapport\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z rapport.iss
#endif

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{5C1A2F3E-8B7D-4E61-9A0C-2F4D6E8B1A37}
AppName=Rapport
AppVersion={#AppVersion}
AppPublisher=Rapport
DefaultDirName={autopf}\Rapport
DisableDirPage=yes
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=rapport-setup-{#AppVersion}
SetupIconFile=..\..\build\icons\rapport.ico
UninstallDisplayIcon={app}\rapport.exe
Compression=lzma2
SolidCompression=yes
; A running Rapport holds its files: close it (and restart it for the user) on upgrade.
CloseApplications=yes
RestartApplications=no
WizardStyle=modern

[Files]
Source: "..\..\dist\rapport\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion
Source: "..\policy.example.toml"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\Rapport"; Filename: "{app}\rapport.exe"; Comment: "The agent's single view of the customer"

[Registry]
; rapport:// links (softphones' screen pop) run `rapport.exe pop <url>` for every user of the machine.
Root: HKCR; Subkey: "rapport"; ValueType: string; ValueName: ""; ValueData: "URL:Rapport screen pop"; Flags: uninsdeletekey
Root: HKCR; Subkey: "rapport"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKCR; Subkey: "rapport\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\rapport.exe"",0"
Root: HKCR; Subkey: "rapport\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\rapport.exe"" pop ""%1"""

[UninstallDelete]
; The policy this installer wrote; agents' own settings and caches (per user, %LOCALAPPDATA%\Rapport)
; are theirs and stay, like every per-user profile on a shared desk.
Type: files; Name: "{commonappdata}\Rapport\policy.toml"
Type: dirifempty; Name: "{commonappdata}\Rapport"

[Code]
function TomlString(Value: String): String;
begin
  { TOML basic string: backslashes (Windows paths) and quotes escaped }
  StringChangeEx(Value, '\', '\\', True);
  StringChangeEx(Value, '"', '\"', True);
  Result := '"' + Value + '"';
end;

function TomlBool(Value: String): String;
begin
  if (Value = '1') or (Lowercase(Value) = 'true') or (Lowercase(Value) = 'yes') then
    Result := 'true'
  else
    Result := 'false';
end;

function TomlList(Csv: String): String;
var
  Item: String;
  P: Integer;
begin
  Result := '';
  Csv := Csv + ',';
  while Csv <> '' do begin
    P := Pos(',', Csv);
    Item := Trim(Copy(Csv, 1, P - 1));
    Delete(Csv, 1, P);
    if Item <> '' then begin
      if Result <> '' then Result := Result + ', ';
      Result := Result + TomlString(Item);
    end;
  end;
  Result := '[' + Result + ']';
end;

procedure AddLine(var Lines: TArrayOfString; Line: String);
begin
  SetArrayLength(Lines, GetArrayLength(Lines) + 1);
  Lines[GetArrayLength(Lines) - 1] := Line;
end;

{ Writes %ProgramData%\Rapport\policy.toml from the /POLICY= file or the /HUBURL=... parameters.
  No parameter: an existing policy (an upgrade) is left as it is. }
procedure WritePolicy();
var
  Dir, Source, Value: String;
  Lines: TArrayOfString;
begin
  Dir := ExpandConstant('{commonappdata}\Rapport');
  ForceDirectories(Dir);
  Source := ExpandConstant('{param:POLICY|}');
  if Source <> '' then begin
    if not FileCopy(Source, Dir + '\policy.toml', False) then
      RaiseException('Cannot copy the policy file ' + Source);
    Exit;
  end;
  SetArrayLength(Lines, 0);
  AddLine(Lines, '# Written by the Rapport installer ' + ExpandConstant('{#AppVersion}') + ' from its parameters.');
  Value := ExpandConstant('{param:HUBURL|}');
  if Value <> '' then AddLine(Lines, 'hub_url = ' + TomlString(Value));
  Value := ExpandConstant('{param:CABUNDLE|}');
  if Value <> '' then AddLine(Lines, 'ca_bundle = ' + TomlString(Value));
  Value := ExpandConstant('{param:TABLET|}');
  if Value <> '' then AddLine(Lines, 'tablet_mode = ' + TomlBool(Value));
  Value := ExpandConstant('{param:DEMO|}');
  if Value <> '' then AddLine(Lines, 'demo_allowed = ' + TomlBool(Value));
  Value := ExpandConstant('{param:UPDATECHECK|}');
  if Value <> '' then AddLine(Lines, 'update_check = ' + TomlBool(Value));
  Value := ExpandConstant('{param:CHANNELS|}');
  if Value <> '' then AddLine(Lines, 'allowed_channels = ' + TomlList(Value));
  Value := ExpandConstant('{param:RETENTIONDAYS|}');
  if Value <> '' then AddLine(Lines, 'cache_retention_days = ' + IntToStr(StrToInt(Value)));
  if GetArrayLength(Lines) > 1 then
    { UTF-8 (Rapport reads a BOM fine). Written elevated, the file is owned by Administrators:
      users can read it but not change it (default %ProgramData% ACLs; not verified here). }
    SaveStringsToUTF8File(Dir + '\policy.toml', Lines, False);
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then
    WritePolicy();
end;
